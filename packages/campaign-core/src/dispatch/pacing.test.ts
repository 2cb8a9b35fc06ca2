import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveRate, limiterFor } from './pacing.js';

/** The most jobs a fixed-window limiter lets start in any sliding second. */
function worstSlidingSecond({ max, duration }: { max: number; duration: number }): number {
  return (Math.floor(1000 / duration) + 1) * max;
}

describe('limiterFor', () => {
  it('never exceeds the rate on average, and keeps any sliding second within 1.1x from 20/s up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1200, max: 600_000 }), (rate) => {
        const limiter = limiterFor(rate);
        expect((limiter.max * 60_000) / limiter.duration).toBeLessThanOrEqual(rate);
        expect(worstSlidingSecond(limiter)).toBeLessThanOrEqual(Math.ceil((rate / 60) * 1.1));
      }),
    );
  });
  it('spaces single jobs out at low rates, at most one vehicle above the rate in any second', () => {
    expect(limiterFor(60)).toEqual({ max: 1, duration: 1000 });
    expect(limiterFor(1)).toEqual({ max: 1, duration: 60_000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1199 }), (rate) => {
        expect(worstSlidingSecond(limiterFor(rate))).toBeLessThanOrEqual(Math.ceil(rate / 60) + 1);
      }),
    );
  });
});

describe('effectiveRate', () => {
  it('ramps by the factor every N successes, up to the cap', () => {
    const ramp = { startPerMinute: 10, factor: 2, everySuccesses: 5 };
    expect([0, 4, 5, 10, 15, 100].map((s) => effectiveRate(100, ramp, s))).toEqual([10, 10, 20, 40, 80, 100]);
    expect(effectiveRate(100, null, 0)).toBe(100);
  });
});
