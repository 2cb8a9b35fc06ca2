import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { parseFaults, strikes } from './faults.js';

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
});
