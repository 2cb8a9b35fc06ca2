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
    ecu.softwareVersion = '1.0.0';
    expect(ecu.toVersion()).toEqual({ module: 'seat', serial: 'SEAT-1', hardwareId: 'SEAT-L1', bus: ota.v1.Bus.LIN, softwareVersion: '1.0.0', calibration: 'C1' });
    expect(ota.v1.EcuVersion.decode(ota.v1.EcuVersion.encode(ecu.toVersion()).finish()).bus).toBe(ota.v1.Bus.LIN);
  });

  it('copies the record, so installing on one vehicle leaves the manufacturing data alone', () => {
    const ecu = new VirtualEcu(record);
    ecu.softwareVersion = '2.0.0';
    expect(record.softwareVersion).toBe('0.9.4');
    expect(JSON.parse(JSON.stringify(ecu))).toEqual({ ...record, softwareVersion: '2.0.0' });
  });
});

describe('VirtualEcu with its own flash timing', () => {
  it('uses the timing a fleet file gives it, and still serialises as its record', () => {
    const ecu = new VirtualEcu({ ...record, bus: 'ETHERNET', flash: { busBytesPerS: 50_000, resetMs: 30_000 } });
    expect(ecu.flashDurationMs(384_000, 1)).toBeCloseTo(1500 + 384 + 7680 + 38.4 + 500 + 30_000, 6);
    expect(JSON.parse(JSON.stringify(ecu))).toEqual({ ...record, bus: 'ETHERNET' });
  });
});
