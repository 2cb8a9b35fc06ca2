import { afterEach, describe, expect, it } from 'vitest';
import { ota, u64 } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { TestAuthority, newKey, sha256, testImage, type TargetSpec } from './testing/test-authority.js';
import { HOUR, NOW, VehicleBench, until, type FakeGateway } from './testing/vehicle-bench.js';
import type { VirtualVehicle } from './virtual-vehicle.js';

const C = ota.v1.ResultCode;
const base = generateFleet({ count: 1, seed: 43 })[0]!;
const record: VehicleRecord = { ...base, ecus: base.ecus.map((e) => (e.module === 'bcm' ? { ...e, releaseCounter: 3 } : e)) };
const bcm = record.ecus[0]!;
const image = testImage(4_500, 1000);
const update: TargetSpec = { ecu: bcm, image, version: '1.5.0', releaseCounter: 4 };
const YEAR = 365 * 24 * HOUR;

let bench = new VehicleBench(record, new TestAuthority(NOW + YEAR));
afterEach(async () => {
  await bench.stopAll();
  bench = new VehicleBench(record, new TestAuthority(NOW + YEAR));
});

/** Sends the offer and returns the vehicle's answer, checking that nothing was installed. */
async function refusal(vehicle: VirtualVehicle, gateway: FakeGateway, offer: Uint8Array): Promise<ota.v1.InstallResult> {
  const before = gateway.results().length;
  const flashes = vehicle.stats.flashes;
  gateway.send(offer);
  await until(() => gateway.results().length > before, 'the result');
  await new Promise((r) => setTimeout(r, 10));
  const result = gateway.results().at(-1)!;
  expect(result.success).toBe(false);
  expect(result.description).not.toBe('');
  expect(vehicle.ecus[0]).toMatchObject({ softwareVersion: '1.4.2', releaseCounter: 3 });
  expect(vehicle.stats.flashes).toBe(flashes);
  return result;
}

const unchangedBcm = (code: ota.v1.ResultCode) => [{ ecuSerial: bcm.serial, code, softwareVersion: '1.4.2' }];

describe('a vehicle refuses, keeping its software', () => {
  it('a manifest whose signature does not verify (SIGNATURE_INVALID), trusting nothing in it', async () => {
    const { vehicle, gateway } = await bench.start();
    const offer = ota.v1.UpdateOffer.decode(gateway.offer([update]));
    const payload = Buffer.from(offer.manifest!.payload!);
    payload[payload.length - 1]! ^= 1;
    const forged = ota.v1.UpdateOffer.encode({ manifest: { ...offer.manifest, payload } }).finish();
    const result = await refusal(vehicle, gateway, forged);
    expect(result).toMatchObject({ code: C.SIGNATURE_INVALID, attempt: 0, ecus: unchangedBcm(C.SIGNATURE_INVALID) });
    expect(gateway.requests()).toEqual([]);
  });

  it('a manifest signed by a key the root does not give the director (UNKNOWN_KEY)', async () => {
    const { vehicle, gateway } = await bench.start();
    const result = await refusal(vehicle, gateway, gateway.offer([update], {}, { signers: [newKey().privateKey] }));
    expect(result).toMatchObject({ code: C.UNKNOWN_KEY, attempt: 0 });
  });

  it('an expired manifest (METADATA_EXPIRED)', async () => {
    const { vehicle, gateway } = await bench.start();
    const result = await refusal(vehicle, gateway, gateway.offer([update], { expiresAtMs: NOW }));
    expect(result).toMatchObject({ code: C.METADATA_EXPIRED, attempt: 1, ecus: unchangedBcm(C.METADATA_EXPIRED) });
  });

  it('a lower release counter (ROLLBACK_DETECTED), but installs it from a signed rollback manifest', async () => {
    const { vehicle, gateway } = await bench.start();
    const older = { ...update, version: '1.4.0', releaseCounter: 2 };
    expect(await refusal(vehicle, gateway, gateway.offer([older]))).toMatchObject({ code: C.ROLLBACK_DETECTED });
    gateway.serve([image]);
    gateway.send(gateway.offer([older], { executionId: 'exec-2', rollback: true }));
    await until(() => gateway.results().length === 2, 'the rollback install');
    expect(gateway.results()[1]).toMatchObject({ code: C.OK, ecus: [{ softwareVersion: '1.4.0' }] });
    expect(vehicle.ecus[0]).toMatchObject({ softwareVersion: '1.4.0', releaseCounter: 2 });
  });

  it('a manifest for another VIN (VIN_MISMATCH)', async () => {
    const { vehicle, gateway } = await bench.start();
    expect(await refusal(vehicle, gateway, gateway.offer([update], { vin: '1M8GDM9AXKP042788' }))).toMatchObject({ code: C.VIN_MISMATCH });
  });

  it('a manifest echoing an old nonce (NONCE_MISMATCH)', async () => {
    const { vehicle, gateway } = await bench.start();
    const stale = gateway.nonce();
    for (let i = 0; i < 8; i++) await vehicle.report(); // eight newer reports push it out
    expect(await refusal(vehicle, gateway, gateway.offer([update], { nonce: stale }))).toMatchObject({ code: C.NONCE_MISMATCH });
  });

  it('a manifest repeating a counter it accepted before (NONCE_MISMATCH)', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.serve([image]);
    gateway.send(gateway.offer([{ ...update, ecu: record.ecus[1]!, version: '3.2.0' }], { executionId: 'adas', counter: 41 }));
    await until(() => gateway.results().length === 1, 'the first install');
    expect(gateway.results()[0]!.code).toBe(C.OK);
    const replayed = await refusal(vehicle, gateway, gateway.offer([update], { executionId: 'exec-2', counter: 41 }));
    expect(replayed).toMatchObject({ code: C.NONCE_MISMATCH, description: expect.stringContaining('counter 41') });
  });

  it('an image for other hardware (HARDWARE_ID_MISMATCH)', async () => {
    const { vehicle, gateway } = await bench.start();
    const other = { ...update, release: { hardwareIds: ['BCM-H1'] }, target: { hardwareIds: ['BCM-H1'] } };
    expect(await refusal(vehicle, gateway, gateway.offer([other]))).toMatchObject({ code: C.HARDWARE_ID_MISMATCH });
  });

  it('a director target that differs from the release entry (TARGETS_DISAGREE)', async () => {
    const { vehicle, gateway } = await bench.start();
    const swapped = { ...update, target: { imageSha256: sha256(Buffer.from('another image')) } };
    expect(await refusal(vehicle, gateway, gateway.offer([swapped]))).toMatchObject({ code: C.TARGETS_DISAGREE });
  });

  it('a release entry not signed by the release key (UNKNOWN_KEY)', async () => {
    const { vehicle, gateway } = await bench.start();
    const bySelf = { ...update, releaseSigner: bench.authority.directorKey.privateKey };
    expect(await refusal(vehicle, gateway, gateway.offer([bySelf]))).toMatchObject({ code: C.UNKNOWN_KEY, attempt: 1 });
  });

  it('a chunk with more bytes than signed (LENGTH_EXCEEDED)', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.serve([image], (_, index, data) => (index === 2 ? Buffer.concat([data, Buffer.alloc(1)]) : data));
    const result = await refusal(vehicle, gateway, gateway.offer([update]));
    expect(result).toMatchObject({ code: C.LENGTH_EXCEEDED, ecus: unchangedBcm(C.LENGTH_EXCEEDED) });
    expect(u64(result.bytesReceived)).toBeLessThanOrEqual(image.bytes.length);
  });

  it('a chunk that does not match its signed hash (HASH_MISMATCH), asking for nothing after it', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.serve([image], (_, index, data) => {
      if (index === 3) data[10]! ^= 1;
      return data;
    });
    expect(await refusal(vehicle, gateway, gateway.offer([update]))).toMatchObject({ code: C.HASH_MISMATCH });
    expect(gateway.requests().map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(gateway.reports()).toHaveLength(1);
  });

  it('a new root not signed by the old root keys (ROOT_INVALID), adopting nothing', async () => {
    const { vehicle, gateway } = await bench.start();
    const authority = bench.authority;
    const usurper = newKey();
    authority.rotate({ director: newKey(), rootKeys: [usurper], signers: [usurper.privateKey] });
    const result = await refusal(vehicle, gateway, gateway.offer([update]));
    expect(result).toMatchObject({ code: C.ROOT_INVALID, attempt: 0 });
    expect(vehicle.rootVersion).toBe(1);
  });
});

describe('root rotation', () => {
  it('walks to a root with a new director key: the new key is trusted, the old one is then UNKNOWN_KEY', async () => {
    const { vehicle, gateway } = await bench.start();
    const authority = bench.authority;
    const oldDirector = authority.directorKey;
    authority.rotate({ director: newKey(), rootKeys: [newKey()] }); // signed by the old and the new root keys
    gateway.serve([image]);
    gateway.send(gateway.offer([update]));
    await until(() => gateway.reports().length === 2, 'the install and the report after it');
    expect(gateway.results()[0]).toMatchObject({ code: C.OK, success: true });
    expect(vehicle.rootVersion).toBe(2);
    expect(u64(gateway.reports()[1]!.rootVersion)).toBe(2);

    const stale = { ...update, ecu: record.ecus[1]!, version: '3.2.0' };
    gateway.send(gateway.offer([stale], { executionId: 'exec-2' }, { signers: [oldDirector.privateKey], fromRootVersion: 2 }));
    await until(() => gateway.results().length === 2, 'the refusal');
    expect(gateway.results()[1]).toMatchObject({ code: C.UNKNOWN_KEY, attempt: 0 });
    expect(vehicle.ecus[1]!.softwareVersion).toBe('3.1.0');
  });
});
