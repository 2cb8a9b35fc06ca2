import { describe, expect, it } from 'vitest';
import { ota } from '@ota/proto';
import { installBundle, type FlashItem } from './bundle-install.js';
import type { EcuRecord } from './fleet-data.js';
import type { FlashFault } from './faults.js';
import { VirtualEcu } from './virtual-ecu.js';

const C = ota.v1.ResultCode;

function ecu(serial: string, dualBank = true): VirtualEcu {
  const record: EcuRecord = { module: serial.toLowerCase(), serial, hardwareId: 'HW', bus: 'CAN', softwareVersion: '1.0.0', calibration: '', dualBank, releaseCounter: 1 };
  return new VirtualEcu(record);
}

const item = (e: VirtualEcu): FlashItem => ({ ecu: e, version: '2.0.0', releaseCounter: 2, imageSize: 1000 });

async function install(ecus: VirtualEcu[], faults: Record<number, FlashFault> = {}) {
  const entered: string[] = [];
  const outcome = await installBundle({
    items: ecus.map(item),
    timeScale: 0,
    faultAt: (i) => faults[i] ?? null,
    enter: (serial) => entered.push(serial),
    stillWanted: () => true,
  });
  if ('abandoned' in outcome) throw new Error('abandoned');
  return { outcome, entered, versions: ecus.map((e) => e.softwareVersion) };
}

describe('installBundle', () => {
  it('flashes every ECU in order and reports each on its new version', async () => {
    const { outcome, entered, versions } = await install([ecu('A1'), ecu('B1')]);
    expect(entered).toEqual(['A1', 'B1']);
    expect(versions).toEqual(['2.0.0', '2.0.0']);
    expect(outcome).toMatchObject({ code: C.OK, ecus: [{ ecuSerial: 'A1', code: C.OK, softwareVersion: '2.0.0' }, { ecuSerial: 'B1', code: C.OK }] });
  });

  it('rolls back the ECUs flashed before a failure and does not attempt the ones after it (PARTIAL_BUNDLE)', async () => {
    const ecus = [ecu('A1'), ecu('B1'), ecu('C1')];
    const { outcome, entered, versions } = await install(ecus, { 1: 'install-failure' });
    expect(entered).toEqual(['A1', 'B1']);
    expect(versions).toEqual(['1.0.0', '1.0.0', '1.0.0']);
    expect(ecus.map((e) => [e.activeBank, e.releaseCounter])).toEqual([['A', 1], ['A', 1], ['A', 1]]);
    expect(outcome).toMatchObject({
      code: C.PARTIAL_BUNDLE,
      description: expect.stringContaining('B1 failed (INSTALL_FAILED'),
      ecus: [
        { ecuSerial: 'A1', code: C.ROLLED_BACK, softwareVersion: '1.0.0' },
        { ecuSerial: 'B1', code: C.INSTALL_FAILED, softwareVersion: '1.0.0' },
        { ecuSerial: 'C1', code: C.NOT_ATTEMPTED, softwareVersion: '1.0.0' },
      ],
    });
  });

  it('leaves a single-bank partner on its new version, since it has no bank to go back to', async () => {
    const { outcome, versions } = await install([ecu('S1', false), ecu('B1')], { 1: 'ecu-not-responding' });
    expect(versions).toEqual(['2.0.0', '1.0.0']);
    expect(outcome).toMatchObject({
      code: C.PARTIAL_BUNDLE,
      ecus: [
        { ecuSerial: 'S1', code: C.OK, softwareVersion: '2.0.0', description: expect.stringContaining('cannot roll back') },
        { ecuSerial: 'B1', code: C.ECU_NOT_RESPONDING },
      ],
    });
  });

  it('power loss: an A/B ECU keeps its old bank, a single-bank one is left without an application', async () => {
    const ab = await install([ecu('AB')], { 0: 'power-loss' });
    expect(ab.outcome).toMatchObject({ code: C.POWER_LOSS, ecus: [{ code: C.POWER_LOSS, softwareVersion: '1.0.0' }] });
    const single = ecu('SB', false);
    const sb = await install([single], { 0: 'power-loss' });
    expect(sb.outcome).toMatchObject({ code: C.POWER_LOSS, description: expect.stringContaining('flashed again'), ecus: [{ softwareVersion: '' }] });
    expect(single.releaseCounter).toBe(1);
    const again = await install([single]); // a later successful flash recovers it
    expect(again.outcome.code).toBe(C.OK);
    expect(single.softwareVersion).toBe('2.0.0');
  });

  it('boot failure: an A/B ECU switches back to its old bank (ROLLED_BACK)', async () => {
    const e = ecu('AB');
    const { outcome } = await install([e], { 0: 'boot-failure' });
    expect(outcome).toMatchObject({ code: C.ROLLED_BACK, ecus: [{ code: C.ROLLED_BACK, softwareVersion: '1.0.0' }] });
    expect([e.activeBank, e.releaseCounter]).toEqual(['A', 1]);
  });

  it('reports the first ECU of a bundle failing, with low battery, as a partial bundle with nothing flashed', async () => {
    const { outcome, entered } = await install([ecu('A1'), ecu('B1')], { 0: 'low-battery' });
    expect(entered).toEqual(['A1']);
    expect(outcome).toMatchObject({ code: C.PARTIAL_BUNDLE, ecus: [{ code: C.LOW_BATTERY }, { code: C.NOT_ATTEMPTED }] });
  });
});
