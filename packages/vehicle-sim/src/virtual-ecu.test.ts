import { describe, expect, it } from 'vitest';
import { ota } from '@ota/proto';
import type { EcuRecord } from './fleet-data.js';
import { VirtualEcu } from './virtual-ecu.js';

const record: EcuRecord = { module: 'seat', serial: 'SEAT-1', hardwareId: 'SEAT-L1', bus: 'LIN', softwareVersion: '0.9.4', calibration: 'C1' };

describe('VirtualEcu', () => {
  it('flashes at its own bus rate: 32 KB on LIN takes 80 s of transfer plus overhead', () => {
    const ecu = new VirtualEcu(record);
    expect(ecu.flashDurationMs(32_000, 1)).toBeCloseTo(1500 + 32 + 80_000 + 3.2 + 500 + 2000, 6);
    expect(ecu.flashDurationMs(32_000, 0.5)).toBeCloseTo(ecu.flashDurationMs(32_000, 1) / 2, 6);
    expect(new VirtualEcu({ ...record, bus: 'CAN_FD' }).flashDurationMs(32_000, 1)).toBeLessThan(ecu.flashDurationMs(32_000, 1));
  });

  it('reports itself as a VersionReport lists it, with the bus as the wire enum', () => {
    const ecu = new VirtualEcu(record);
    ecu.write({ version: '1.0.0', releaseCounter: 4 });
    ecu.activate();
    expect(ecu.toVersion()).toEqual({ module: 'seat', serial: 'SEAT-1', hardwareId: 'SEAT-L1', bus: ota.v1.Bus.LIN, softwareVersion: '1.0.0', calibration: 'C1', releaseCounter: 4, activeBank: 'B' });
    expect(ota.v1.EcuVersion.decode(ota.v1.EcuVersion.encode(ecu.toVersion()).finish()).bus).toBe(ota.v1.Bus.LIN);
  });

  it('copies the record, so installing on one vehicle leaves the manufacturing data alone', () => {
    const ecu = new VirtualEcu(record);
    ecu.write({ version: '2.0.0', releaseCounter: 1 });
    ecu.activate();
    expect(record.softwareVersion).toBe('0.9.4');
    expect(ecu.toRecord()).toEqual({ ...record, softwareVersion: '2.0.0', dualBank: true, releaseCounter: 1 });
  });

  it('A/B: writes the inactive bank, boots it on activation, and can switch back once', () => {
    const ecu = new VirtualEcu({ ...record, releaseCounter: 3 });
    ecu.write({ version: '1.0.0', releaseCounter: 4 });
    expect([ecu.softwareVersion, ecu.activeBank]).toEqual(['0.9.4', 'A']); // written, not booted
    ecu.activate();
    expect([ecu.softwareVersion, ecu.releaseCounter, ecu.activeBank]).toEqual(['1.0.0', 4, 'B']);
    expect(ecu.rollBack()).toBe(true);
    expect([ecu.softwareVersion, ecu.releaseCounter, ecu.activeBank]).toEqual(['0.9.4', 3, 'A']);
    expect(ecu.rollBack()).toBe(false);
    ecu.write(null); // an interrupted write spoils only the inactive bank
    expect(ecu.softwareVersion).toBe('0.9.4');
  });

  it('single bank: writes in place, cannot roll back, and an interrupted write leaves no application', () => {
    const ecu = new VirtualEcu({ ...record, dualBank: false, releaseCounter: 3 });
    expect(ecu.activeBank).toBe('');
    ecu.write({ version: '1.0.0', releaseCounter: 4 });
    ecu.activate();
    expect(ecu.rollBack()).toBe(false);
    expect([ecu.softwareVersion, ecu.releaseCounter]).toEqual(['1.0.0', 4]);
    ecu.write(null);
    expect([ecu.softwareVersion, ecu.releaseCounter, ecu.activeBank]).toEqual(['', 4, '']);
  });
});

describe('VirtualEcu with its own flash timing', () => {
  it('uses the timing a fleet file gives it, and still gives its record without it', () => {
    const ecu = new VirtualEcu({ ...record, bus: 'ETHERNET', flash: { busBytesPerS: 50_000, resetMs: 30_000 } });
    expect(ecu.flashDurationMs(384_000, 1)).toBeCloseTo(1500 + 384 + 7680 + 38.4 + 500 + 30_000, 6);
    expect(ecu.toRecord()).toEqual({ ...record, bus: 'ETHERNET', dualBank: true, releaseCounter: 0 });
  });
});
