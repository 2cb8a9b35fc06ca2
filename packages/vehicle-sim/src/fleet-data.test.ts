import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { flashDurationMs } from './flash-model.js';
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
});

describe('flashDurationMs', () => {
  it('follows the bus: 1 MiB takes about 56 s on CAN, 17 s on CAN FD, 45 min on LIN', () => {
    const mib = 1024 * 1024;
    expect(flashDurationMs('CAN', mib, 1) / 1000).toBeCloseTo(1.5 + 1.05 + 52.4 + 0.1 + 0.5 + 2, 0);
    expect(flashDurationMs('CAN_FD', mib, 1) / 1000).toBeCloseTo(1.5 + 1.05 + 13.1 + 0.1 + 0.5 + 2, 0);
    expect(flashDurationMs('LIN', mib, 1) / 60_000).toBeCloseTo(43.8, 0);
  });
  it('scales with the time factor', () => {
    expect(flashDurationMs('CAN', 1000, 0.01)).toBeCloseTo(flashDurationMs('CAN', 1000, 1) / 100, 6);
  });
});
