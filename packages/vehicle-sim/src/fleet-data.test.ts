import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { isValidVin } from './vin.js';

describe('generateFleet', () => {
  it('is deterministic from its seed and gives unique valid VINs', () => {
    const a = generateFleet({ count: 300, seed: 1 });
    expect(generateFleet({ count: 300, seed: 1 })).toEqual(a);
    expect(generateFleet({ count: 300, seed: 2 })).not.toEqual(a);
    expect(new Set(a.map((v) => v.vin)).size).toBe(300);
    for (const v of a) expect(isValidVin(v.vin)).toBe(true);
  });
  it('gives every vehicle three ECUs on different modules and buses, with unique serials', () => {
    const fleet = generateFleet({ count: 50, seed: 3 });
    const serials = new Set<string>();
    for (const v of fleet) {
      expect(v.ecus.map((e) => e.bus)).toEqual(['CAN', 'CAN_FD', 'LIN']);
      expect(new Set(v.ecus.map((e) => e.module)).size).toBe(3);
      for (const e of v.ecus) serials.add(e.serial);
    }
    expect(serials.size).toBe(150);
  });
  it('puts the requested share of body controllers on old hardware', () => {
    const fleet = generateFleet({ count: 1000, seed: 4, hardwareMix: 0.3 });
    const old = fleet.filter((v) => v.ecus[0]!.hardwareId === 'BCM-H1').length;
    expect(old).toBeGreaterThan(240);
    expect(old).toBeLessThan(360);
  });
  it('keeps every body controller on BCM-H2 at 1.4.2 by default, so the whole fleet is eligible', () => {
    const fleet = generateFleet({ count: 200, seed: 5 });
    for (const v of fleet) expect(v.ecus[0]).toMatchObject({ module: 'bcm', hardwareId: 'BCM-H2', softwareVersion: '1.4.2' });
  });
  it('survives a JSON round trip, as the CLI and the provisioning tool exchange it', () => {
    const fleet = generateFleet({ count: 5, seed: 6 });
    expect(JSON.parse(JSON.stringify(fleet))).toEqual(fleet);
  });
});
