import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { FAULT_KINDS, FaultPlan, parseFaults, strikes, type FaultKind } from './faults.js';
import { ota } from '@ota/proto';

describe('fault injection', () => {
  it('parses kinds and rates, refusing unknown kinds and bad rates', () => {
    expect(parseFaults('install-failure=0.3, disconnect=0.1')).toEqual({ 'install-failure': 0.3, disconnect: 0.1 });
    expect(() => parseFaults('meteor=0.1')).toThrow(/unknown fault "meteor"; known: install-failure/);
    expect(() => parseFaults('disconnect=2')).toThrow(/rate in 0..1/);
    expect(() => parseFaults('disconnect')).toThrow(/rate in 0..1/);
  });
  it('hits about the given share of a fleet, the same vehicles every time', () => {
    const fleet = generateFleet({ count: 2000, seed: 1 });
    const hit = fleet.filter((v) => strikes({ 'install-failure': 0.3 }, 'install-failure', v.vin, 7));
    expect(hit.length / fleet.length).toBeGreaterThan(0.27);
    expect(hit.length / fleet.length).toBeLessThan(0.33);
    expect(fleet.filter((v) => strikes({ 'install-failure': 0.3 }, 'install-failure', v.vin, 7))).toEqual(hit);
    expect(fleet.some((v) => strikes({}, 'install-failure', v.vin, 7))).toBe(false);
  });
  it('applies each fault as documented, and none without rates', () => {
    const vin = generateFleet({ count: 1, seed: 1 })[0]!.vin;
    const all = new FaultPlan({ 'corrupt-chunk': 1, disconnect: 1, 'low-battery': 1, 'consent-postpone': 1 }, vin, 0);
    const none = new FaultPlan({}, vin, 0);
    const data = Buffer.from([1, 2, 3]);
    expect(all.deliver(0, 10, data)).toBe(data);
    expect([...all.deliver(1, 10, data)]).toEqual([0xfe, 2, 3]);
    expect([...data]).toEqual([1, 2, 3]); // the received buffer is left alone
    expect(none.deliver(1, 10, data)).toBe(data);
    expect([0, 4, 5, 6].map((i) => all.dropsLinkAt(i, 10))).toEqual([false, false, true, false]);
    expect(all.consentRefusal(1)).toMatchObject({ code: ota.v1.ResultCode.CONSENT_POSTPONED });
    expect(all.consentRefusal(2)).toBeNull(); // a postponed offer is accepted when it comes back
    expect(all.flashFault(1)).toBe('low-battery');
    expect(all.flashFault(2)).toBeNull(); // transient: the retry succeeds
    expect(new FaultPlan({ 'install-failure': 1 }, vin, 0).flashFault(3)).toBe('install-failure');
    expect([none.consentRefusal(1), none.flashFault(1), none.dropsLinkAt(5, 10)]).toEqual([null, null, false]);
  });
  it('names the flashing faults, transient ones on the first attempt only', () => {
    const vin = generateFleet({ count: 1, seed: 1 })[0]!.vin;
    const plan = (kind: FaultKind) => new FaultPlan({ [kind]: 1 }, vin, 0);
    for (const kind of ['ecu-not-responding', 'power-loss'] as const) {
      expect([plan(kind).flashFault(1), plan(kind).flashFault(2)]).toEqual([kind, null]);
    }
    expect([plan('boot-failure').flashFault(1), plan('boot-failure').flashFault(2)]).toEqual(['boot-failure', 'boot-failure']);
    expect(plan('not-parked').startsDriven()).toBe(true);
    expect(new FaultPlan({}, vin, 0).startsDriven()).toBe(false);
  });
  it('slows the link below the manifest minimum on the first attempt', () => {
    const vin = generateFleet({ count: 1, seed: 1 })[0]!.vin;
    const slow = new FaultPlan({ 'slow-link': 1 }, vin, 0);
    expect(slow.chunkDelayMs(1, 1000, 100_000)).toBe(20); // 1000 bytes per 20 ms: half the minimum rate
    expect(slow.chunkDelayMs(1, 1000, 0)).toBeGreaterThan(0);
    expect(slow.chunkDelayMs(2, 1000, 100_000)).toBe(0);
    expect(new FaultPlan({}, vin, 0).chunkDelayMs(1, 1000, 100_000)).toBe(0);
  });
  it('describes every kind in one line', () => {
    for (const description of Object.values(FAULT_KINDS)) expect(description).toMatch(/^[^\n]{10,200}$/);
  });
});
