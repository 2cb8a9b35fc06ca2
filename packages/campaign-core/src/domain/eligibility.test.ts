import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.js';
import { compareVersions, isVersion } from './semver.js';
import type { Ecu } from './types.js';

const ecu = (over: Partial<Ecu>): Ecu => ({
  serial: 'S1',
  module: 'bcm',
  hardwareId: 'BCM-H2',
  bus: 'CAN',
  softwareVersion: '1.4.2',
  calibration: '',
  ...over,
});
const update = { module: 'bcm', hardwareIds: ['BCM-H2'], version: '1.10.0', vehicleModels: [] as string[] };

describe('semver', () => {
  it('compares numerically, not as strings', () => {
    expect(compareVersions('1.9.0', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
  it('accepts strict semver only', () => {
    expect(isVersion('1.2.3')).toBe(true);
    expect(isVersion('1.2.3-beta.1+build.5')).toBe(true);
    expect(isVersion('v1.2.3')).toBe(false);
    expect(isVersion('1.2')).toBe(false);
    expect(isVersion('latest')).toBe(false);
  });
});

describe('checkEligibility', () => {
  it('picks the ECU of the module with compatible hardware and a lower version', () => {
    const v = { model: 'Aster', ecus: [ecu({ module: 'seat', serial: 'X' }), ecu({ softwareVersion: '1.9.9' })] };
    expect(checkEligibility(v, update)).toEqual({ eligible: true, ecu: v.ecus[1] });
  });
  it('says why a vehicle is not eligible', () => {
    expect(checkEligibility({ model: 'Aster', ecus: [ecu({ module: 'seat' })] }, update)).toEqual({
      eligible: false,
      reason: 'no-such-module',
    });
    expect(checkEligibility({ model: 'Aster', ecus: [ecu({ hardwareId: 'BCM-H1' })] }, update)).toEqual({
      eligible: false,
      reason: 'hardware-incompatible',
    });
    for (const softwareVersion of ['1.10.0', '1.10.1', '2.0.0', 'garbage']) {
      expect(checkEligibility({ model: 'Aster', ecus: [ecu({ softwareVersion })] }, update)).toEqual({
        eligible: false,
        reason: 'not-older',
      });
    }
    expect(
      checkEligibility({ model: 'Aster', ecus: [ecu({})] }, { ...update, vehicleModels: ['Borealis'] }),
    ).toEqual({ eligible: false, reason: 'model-not-targeted' });
  });
  it('for a rollback, takes ECUs on any other version, newer ones included', () => {
    const back = { ...update, version: '1.4.2' };
    expect(checkEligibility({ model: 'A', ecus: [ecu({ softwareVersion: '1.10.0' })] }, back, { rollback: true }).eligible).toBe(true);
    expect(checkEligibility({ model: 'A', ecus: [ecu({ softwareVersion: '1.4.2' })] }, back, { rollback: true }).eligible).toBe(false);
    expect(checkEligibility({ model: 'A', ecus: [ecu({ softwareVersion: '1.10.0' })] }, back).eligible).toBe(false);
  });
  it('treats 1.9.0 as older than 1.10.0 (a string comparison would not)', () => {
    expect(checkEligibility({ model: 'A', ecus: [ecu({ softwareVersion: '1.9.0' })] }, update).eligible).toBe(true);
  });
});
