import { describe, expect, it } from 'vitest';
import { checkTargetFilter, matchesTarget } from './target-filter.js';
import type { Ecu } from './types.js';

const ecu: Ecu = { serial: 'S', module: 'bcm', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.4.2', calibration: '' };
const vehicle = { vin: '1M8GDM9AXKP042788', model: 'Aster', region: 'EU' };

describe('target filter', () => {
  it('matches everything when empty, and narrows by every field given', () => {
    expect(matchesTarget(vehicle, ecu, {})).toBe(true);
    expect(matchesTarget(vehicle, ecu, { models: ['Aster'], regions: ['EU'], hardwareIds: ['BCM-H2'], vins: [vehicle.vin] })).toBe(true);
    expect(matchesTarget(vehicle, ecu, { models: ['Borealis'] })).toBe(false);
    expect(matchesTarget(vehicle, ecu, { regions: ['NA'] })).toBe(false);
    expect(matchesTarget(vehicle, ecu, { excludeRegions: ['EU'] })).toBe(false);
    expect(matchesTarget(vehicle, ecu, { hardwareIds: ['BCM-H1'] })).toBe(false);
    expect(matchesTarget(vehicle, ecu, { vins: ['11111111111111111'] })).toBe(false);
  });
  it('filters by semver range on the current version', () => {
    expect(matchesTarget(vehicle, ecu, { versionRange: '>=1.4.0 <1.5.0' })).toBe(true);
    expect(matchesTarget(vehicle, ecu, { versionRange: '^1.5.0' })).toBe(false);
    expect(() => checkTargetFilter({ versionRange: 'newest please' })).toThrow(/not a semver range/);
  });
});
