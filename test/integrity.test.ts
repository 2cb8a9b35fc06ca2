import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '@ota/campaign-core';
import { ota } from '@ota/proto';
import { VirtualVehicle, generateFleet } from '@ota/vehicle-sim';
import { join } from 'node:path';
import { startTestGateway, until, type TestGateway } from './support/test-gateway.js';

describe('image integrity, end to end', () => {
  let t: TestGateway;
  const vehicles: VirtualVehicle[] = [];
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => {
    await Promise.all(vehicles.map((v) => v.stop()));
    await t?.stop();
  });

  it('a tampered chunk makes the vehicle report an integrity failure and keep its old version', async () => {
    const [record] = generateFleet({ count: 1, seed: 99 });
    await t.api.importVehicles([record!]);
    const bcm = record!.ecus.find((e) => e.module === 'bcm')!;
    const creds = await t.credentials(record!.vin);
    const vehicle = new VirtualVehicle({
      record: record!,
      gatewayUrl: t.mqttUrl,
      tls: { ca: t.gateway.pki.caCertPem, ...creds },
      trustRoot: t.trust.root1,
      timeScale: 0.001,
    });
    vehicles.push(vehicle);
    const results: ota.v1.IInstallResult[] = [];
    vehicle.on('result', (r: ota.v1.IInstallResult) => results.push(r));
    await vehicle.start();

    const update = await t.api.createUpdate({ name: 'tampered', version: '9.0.0', module: 'bcm', bus: 'CAN', hardwareIds: [bcm.hardwareId] });
    const uploaded = await t.api.uploadImage(update.id, randomBytes(100 * 1024));
    // An attacker with write access to the image store flips one byte of the second chunk after signing.
    const path = new BlobStore(join(t.dir, 'data', 'blobs')).pathOf(Buffer.from(uploaded.image.sha256, 'hex'));
    const file = await open(path, 'r+');
    await file.write(Buffer.from([0x5a]), 0, 1, 16 * 1024 + 10);
    await file.close();

    const campaign = await t.api.createCampaign({ name: 'tamper', updateId: update.id, executionTimeoutS: 30 });
    await t.api.startCampaign(campaign.id);
    const status = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return s.campaign.state !== 'running' && s;
    }, 30_000, 'campaign to stop running');

    expect(status.counts).toMatchObject({ failed: 1, succeeded: 0 });
    // Its only vehicle failed: far above the error threshold, so the campaign stopped itself, and says why.
    expect(status.campaign).toMatchObject({
      state: 'paused',
      pauseReason: { threshold: 'error-share', failed: 1, resultCodes: { HASH_MISMATCH: 1 } },
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ success: false, code: ota.v1.ResultCode.HASH_MISMATCH });
    const [execution] = await t.gateway.repos.executions.listForCampaign(campaign.id);
    expect(execution).toMatchObject({ state: 'failed', resultCode: 'HASH_MISMATCH' });
    // Old version, in the vehicle and in the database.
    expect(vehicle.ecus.find((e) => e.module === 'bcm')!.softwareVersion).toBe(bcm.softwareVersion);
    expect((await t.api.getVehicle(record!.vin)).ecus.find((e) => e.module === 'bcm')!.softwareVersion).toBe(bcm.softwareVersion);
    // It stopped at the bad chunk: it never pulled the rest of the image.
    expect(t.gateway.metrics.chunksSent).toBeLessThan(7);
  });
});
