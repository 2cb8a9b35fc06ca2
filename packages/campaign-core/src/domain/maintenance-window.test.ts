import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWindow, inWindow, msUntilWindow } from './maintenance-window.js';

const night = { start: '01:00', end: '05:00' };

describe('maintenance windows', () => {
  it('are evaluated in the vehicle time zone', () => {
    const at = new Date('2026-11-22T02:30:00Z'); // 03:30 in Berlin, 21:30 the day before in New York, 11:30 in Tokyo
    expect(inWindow(at, 'Europe/Berlin', night)).toBe(true);
    expect(inWindow(at, 'America/New_York', night)).toBe(false);
    expect(inWindow(at, 'Asia/Tokyo', night)).toBe(false);
    expect(msUntilWindow(at, 'America/New_York', night)).toBe(3.5 * 3600_000); // 21:30 -> 01:00
  });
  it('may cross midnight', () => {
    const w = { start: '22:00', end: '04:00' };
    expect(inWindow(new Date('2026-11-22T23:30:00Z'), 'UTC', w)).toBe(true);
    expect(inWindow(new Date('2026-11-22T03:59:00Z'), 'UTC', w)).toBe(true);
    expect(inWindow(new Date('2026-11-22T04:00:00Z'), 'UTC', w)).toBe(false);
  });
  it('opens exactly when it says it will, from any moment', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata'), (now, tz) => {
        const wait = msUntilWindow(now, tz, night);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(24 * 3600_000);
        expect(inWindow(new Date(now.getTime() + wait), tz, night)).toBe(true);
      }),
    );
  });
  it('refuses malformed windows and unknown zones', () => {
    expect(() => checkWindow({ start: '1am', end: '05:00' }, 'UTC')).toThrow(/HH:MM/);
    expect(() => checkWindow({ start: '01:00', end: '01:00' }, 'UTC')).toThrow(/empty/);
    expect(() => checkWindow(night, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
