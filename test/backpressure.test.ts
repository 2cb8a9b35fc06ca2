import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOAD_TYPES, ota, signToBytes, vehicleTopic } from '@ota/proto';
import { generateFleet } from '@ota/vehicle-sim';
import { connectOutcome, connectRaw, startTestFleet, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

const HOG = '1M8GDM9AXKP042788';

/**
 * A vehicle that asks for chunks and never reads them must not grow the gateway's memory, nor slow anyone
 * else: its chunks wait for its own socket, and what it floods beyond its queue is dropped unread.
 */
describe('backpressure', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => t?.stop());

  it('bounds what a vehicle that does not read can make the gateway send or queue, while others finish', async () => {
    const key = generateKeyPairSync('ed25519').privateKey;
    const others = generateFleet({ count: 4, seed: 5150 });
    await t.api.importVehicles([
      {
        vin: HOG,
        engineNumber: 'E-HOG',
        chassisNumber: 'C-HOG',
        model: 'Aster',
        region: 'EU',
        reportPublicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
        ecus: [{ module: 'bcm', serial: 'HOG-BCM', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.0.0' }],
      },
      ...others,
    ]);
    const hog = connectRaw(t.mqttUrl, { clientId: HOG, ca: t.gateway.pki.caCertPem, ...(await t.credentials(HOG)) });
    expect((await connectOutcome(hog)).connected).toBe(true);
    await hog.subscribeAsync([vehicleTopic(HOG, 'update'), vehicleTopic(HOG, 'chunks/data')], { qos: 1 });
    const offers: ota.v1.UpdateOffer[] = [];
    hog.on('message', (topic, payload) => {
      if (topic.endsWith('/update')) offers.push(ota.v1.UpdateOffer.decode(payload));
    });
    const report = ota.v1.VersionReport.encode({ vin: HOG, reportCounter: 1, nonce: randomBytes(16), ecus: [{ serial: 'HOG-BCM', softwareVersion: '1.0.0' }] }).finish();
    await hog.publishAsync(vehicleTopic(HOG, 'report'), Buffer.from(signToBytes(PAYLOAD_TYPES.report, report, key)), { qos: 1 });
    const fleet = await startTestFleet(t, others);

    // 4 MiB in 16 KiB chunks: 256 chunks.
    const update = await t.api.createUpdate({ name: 'big', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(4 * 1024 * 1024));
    const campaign = await t.api.createCampaign({ name: 'hog', updateId: update.id, executionTimeoutS: 120 });
    await t.api.startCampaign(campaign.id);
    const offer = await until(async () => offers[0], 10_000, 'the offer');
    const manifest = ota.v1.UpdateManifest.decode(offer.manifest!.payload!);
    const target = manifest.targets[0]!;

    // Stop reading the socket, then ask for every chunk, sixteen times over.
    hog.stream.pause();
    const sentBefore = t.gateway.metrics.chunksSent;
    for (let round = 0; round < 16; round++) {
      for (let index = 0; index < 256; index += 16) {
        const req = ota.v1.ChunkRequest.encode({ executionId: manifest.executionId, index, count: 16, imageSha256: target.imageSha256 }).finish();
        hog.publish(vehicleTopic(HOG, 'chunks/req'), Buffer.from(req), { qos: 0 });
      }
    }
    // Everyone else completes meanwhile.
    await until(async () => (await t.api.campaignStatus(campaign.id)).counts.succeeded === others.length, 60_000, 'the other vehicles');
    await until(async () => t.gateway.metrics.busyDrops > 0, 10_000, 'the hog to be throttled');
    const { busyDrops, chunksSent } = t.gateway.metrics;
    const hogChunks = chunksSent - sentBefore - others.length * 256;
    // 4096 chunks asked for; at most its queue (64 requests) is kept, and the socket takes what its buffers hold.
    expect(busyDrops).toBeGreaterThan(16 * 16 - 64 - 1);
    expect(hogChunks).toBeLessThan(1024);
    await fleet.stop();
    hog.end(true);
  }, 90_000);
});
