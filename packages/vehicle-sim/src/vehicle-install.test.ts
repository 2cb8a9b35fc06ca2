import { afterEach, describe, expect, it } from 'vitest';
import { UPLINK, ota } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { TestAuthority, testImage, type TargetSpec } from './testing/test-authority.js';
import { HOUR, NOW, VehicleBench, until } from './testing/vehicle-bench.js';

const C = ota.v1.ResultCode;
const base = generateFleet({ count: 1, seed: 44 })[0]!;
// The seat module is a small single-bank MCU; the others are A/B.
const record: VehicleRecord = { ...base, ecus: base.ecus.map((e) => (e.module === 'seat' ? { ...e, dualBank: false } : e)) };
const [bcm, adas, seat] = record.ecus as [VehicleRecord['ecus'][0], VehicleRecord['ecus'][0], VehicleRecord['ecus'][0]];
const bcmImage = testImage(3_000, 1000);
const adasImage = testImage(2_500, 500);
const bcmUpdate: TargetSpec = { ecu: bcm, image: bcmImage, version: '1.5.0', releaseCounter: 2, installOrder: 1 };
const adasUpdate: TargetSpec = { ecu: adas, image: adasImage, version: '3.2.0', releaseCounter: 5, installOrder: 2 };
const bench = new VehicleBench(record, new TestAuthority(NOW + 365 * 24 * HOUR));
afterEach(() => bench.stopAll());

const installingOrder = (p: { payload: Buffer }[]) =>
  p.map((m) => ota.v1.Progress.decode(m.payload)).filter((m) => m.phase === ota.v1.Phase.INSTALLING).map((m) => m.ecuSerial);

describe('installing a bundle', () => {
  it('downloads and flashes two ECUs in install order, then reports both on their new versions', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.serve([bcmImage, adasImage]);
    gateway.send(gateway.offer([adasUpdate, bcmUpdate])); // listed out of order on purpose
    await until(() => gateway.reports().length === 2, 'the report after the install');
    const images = gateway.requests().map((r) => (Buffer.from(r.imageSha256).equals(bcmImage.sha256) ? 'bcm' : 'adas'));
    expect(images).toEqual([...Array(3).fill('bcm'), ...Array(5).fill('adas')]);
    expect(installingOrder(gateway.sent(UPLINK.progress))).toEqual([bcm.serial, adas.serial]);
    expect(gateway.results()[0]).toMatchObject({
      code: C.OK,
      success: true,
      ecus: [
        { ecuSerial: bcm.serial, code: C.OK, softwareVersion: '1.5.0' },
        { ecuSerial: adas.serial, code: C.OK, softwareVersion: '3.2.0' },
      ],
    });
    const reported = gateway.reports()[1]!.ecus;
    expect(reported.slice(0, 2).map((e) => [e.softwareVersion, e.releaseCounter, e.activeBank])).toEqual([['1.5.0', 2, 'B'], ['3.2.0', 5, 'B']]);
    expect(vehicle.stats).toMatchObject({ flashes: 1, bytesReceived: 5_500 });
  });

  it('rolls the first ECU back when the second fails, reporting PARTIAL_BUNDLE with per-ECU codes', async () => {
    const { vehicle, gateway } = await bench.start({ faults: { 'install-failure': 1 } });
    gateway.serve([bcmImage, adasImage]);
    gateway.send(gateway.offer([bcmUpdate, adasUpdate]));
    await until(() => gateway.results().length === 1, 'the result');
    expect(gateway.results()[0]).toMatchObject({
      code: C.PARTIAL_BUNDLE,
      success: false,
      ecus: [
        { ecuSerial: bcm.serial, code: C.ROLLED_BACK, softwareVersion: '1.4.2' },
        { ecuSerial: adas.serial, code: C.INSTALL_FAILED, softwareVersion: '3.1.0' },
      ],
    });
    expect(vehicle.ecus.map((e) => e.softwareVersion)).toEqual(['1.4.2', '3.1.0', '0.9.4']);
    await until(() => gateway.reports().length === 2, 'the report after the attempt');
  });
});

describe('before flashing', () => {
  it('refuses to flash below the signed battery level (PRECONDITIONS_NOT_MET), after downloading', async () => {
    const { vehicle, gateway } = await bench.start({ state: { batteryPct: 20 } });
    gateway.serve([bcmImage]);
    gateway.send(gateway.offer([bcmUpdate], { preconditions: { minBatteryPct: 50, requireParked: true } }));
    await until(() => gateway.results().length === 1, 'the result');
    expect(gateway.results()[0]).toMatchObject({ code: C.PRECONDITIONS_NOT_MET, description: 'preconditions not met: battery 20% below 50%', ecus: [{ softwareVersion: '1.4.2' }] });
    expect(gateway.requests()).toHaveLength(3);
    expect(installingOrder(gateway.sent(UPLINK.progress))).toEqual([]);
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.4.2');
  });

  it('not-parked: a driven vehicle refuses once, then parks, says so, and installs the retry', async () => {
    const { vehicle, gateway } = await bench.start({ faults: { 'not-parked': 1 } });
    expect(gateway.reports()[0]!.state).toMatchObject({ parked: false, ignitionOn: true });
    gateway.serve([bcmImage]);
    const preconditions = { requireParked: true, requireIgnitionOff: true };
    gateway.send(gateway.offer([bcmUpdate], { preconditions }));
    await until(() => gateway.reports().length === 2, 'the report after parking');
    expect(gateway.results()[0]).toMatchObject({ code: C.PRECONDITIONS_NOT_MET, description: 'preconditions not met: not parked, ignition on' });
    expect(gateway.reports()[1]!.state).toMatchObject({ parked: true, ignitionOn: false });
    gateway.send(gateway.offer([bcmUpdate], { preconditions, attempt: 2 }));
    await until(() => gateway.results().length === 2, 'the retry');
    expect(gateway.results()[1]!.code).toBe(C.OK);
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.5.0');
  });

  it('slow-link: stops a download below the signed minimum rate (SLOW_RETRIEVAL); a fast link passes', async () => {
    const download = { minBytesPerS: 100_000, slowGraceMs: 60 }; // 1000-byte chunks must come every 10 ms
    const slow = await bench.start({ faults: { 'slow-link': 1 } });
    slow.gateway.serve([bcmImage, adasImage]);
    slow.gateway.send(slow.gateway.offer([bcmUpdate, adasUpdate], { download }));
    await until(() => slow.gateway.results().length === 1, 'the result');
    expect(slow.gateway.results()[0]).toMatchObject({ code: C.SLOW_RETRIEVAL, description: expect.stringContaining('below the minimum'), ecus: [{ softwareVersion: '1.4.2' }, { softwareVersion: '3.1.0' }] });
    const fast = await bench.start();
    fast.gateway.serve([bcmImage, adasImage]);
    fast.gateway.send(fast.gateway.offer([bcmUpdate, adasUpdate], { download }));
    await until(() => fast.gateway.results().length === 1, 'the result');
    expect(fast.gateway.results()[0]!.code).toBe(C.OK);
  });
});

describe('flashing faults', () => {
  it('power loss: the A/B ECU keeps its version, the single-bank one has no application until the retry', async () => {
    const { vehicle, gateway } = await bench.start({ faults: { 'power-loss': 1 } });
    gateway.serve([bcmImage]);
    const seatUpdate: TargetSpec = { ecu: seat, image: bcmImage, version: '1.0.0', releaseCounter: 1 };
    gateway.send(gateway.offer([bcmUpdate], { executionId: 'ab' }));
    await until(() => gateway.results().length === 1, 'the A/B result');
    gateway.send(gateway.offer([seatUpdate], { executionId: 'single' }));
    await until(() => gateway.reports().length === 3, 'the report after the single-bank attempt');
    const [ab, single] = gateway.results();
    expect(ab).toMatchObject({ code: C.POWER_LOSS, ecus: [{ softwareVersion: '1.4.2' }] });
    expect(single).toMatchObject({ code: C.POWER_LOSS, ecus: [{ softwareVersion: '' }] });
    expect(gateway.reports()[2]!.ecus[2]).toMatchObject({ softwareVersion: '', activeBank: '' });
    gateway.send(gateway.offer([seatUpdate], { executionId: 'single', attempt: 2 }));
    await until(() => gateway.results().length === 3, 'the retry');
    expect(gateway.results()[2]).toMatchObject({ code: C.OK, ecus: [{ softwareVersion: '1.0.0' }] });
    expect(vehicle.ecus[2]!.softwareVersion).toBe('1.0.0');
  });

  it('boot failure: the ECU boots the new bank, fails and switches back (ROLLED_BACK)', async () => {
    const { vehicle, gateway } = await bench.start({ faults: { 'boot-failure': 1 } });
    gateway.serve([bcmImage]);
    gateway.send(gateway.offer([bcmUpdate]));
    await until(() => gateway.reports().length === 2, 'the report after the attempt');
    expect(gateway.results()[0]).toMatchObject({ code: C.ROLLED_BACK, ecus: [{ code: C.ROLLED_BACK, softwareVersion: '1.4.2' }] });
    expect(gateway.reports()[1]!.ecus[0]).toMatchObject({ softwareVersion: '1.4.2', activeBank: 'A', releaseCounter: 0 });
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.4.2');
  });

  it('ecu-not-responding: the first attempt ends ECU_NOT_RESPONDING with nothing written, the retry installs', async () => {
    const { gateway } = await bench.start({ faults: { 'ecu-not-responding': 1 } });
    gateway.serve([bcmImage]);
    gateway.send(gateway.offer([bcmUpdate]));
    await until(() => gateway.results().length === 1, 'the result');
    gateway.send(gateway.offer([bcmUpdate], { attempt: 2 }));
    await until(() => gateway.results().length === 2, 'the retry');
    expect(gateway.results().map((r) => r.code)).toEqual([C.ECU_NOT_RESPONDING, C.OK]);
  });
});
