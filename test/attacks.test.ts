import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRootEnvelope } from '@ota/gateway';
import { anchorRoot, isRootRefusal, ota } from '@ota/proto';
import { VirtualVehicle, generateFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { deliver, forgeOffer, type ForgeOptions } from './support/forge.js';
import { startTestGateway, until, type TestGateway } from './support/test-gateway.js';

const code = (name: keyof typeof ota.v1.ResultCode) => ota.v1.ResultCode[name];

/**
 * Uptane's attacks, one test each, against a real vehicle over the real broker: the offer is built by hand
 * (as a compromised director, a tampering path or a replaying attacker would) and must be refused with its
 * own result code, the ECU keeping what it runs.
 */
describe('attacks on the vehicle protocol', () => {
  let t: TestGateway;
  let vehicle: VirtualVehicle;
  let record: VehicleRecord;
  const results = new Map<string, ota.v1.IInstallResult>();
  const image = randomBytes(40 * 1024);

  beforeAll(async () => {
    t = await startTestGateway();
    [record] = generateFleet({ count: 1, seed: 404 }) as [VehicleRecord];
    await t.api.importVehicles([record]);
    vehicle = new VirtualVehicle({ record, gatewayUrl: t.mqttUrl, tls: { ca: t.gateway.pki.caCertPem, ...(await t.credentials(record.vin)) }, trustRoot: t.trust.root1, timeScale: 0.001 });
    vehicle.on('result', (r: ota.v1.IInstallResult) => results.set(r.executionId ?? '', r));
    await vehicle.start();
    // The gateway has the vehicle's first nonce: forged offers can echo it like a real one.
    await until(async () => (await t.api.getVehicle(record.vin)).lastReportAt !== null, 10_000, 'first report');
  });
  afterAll(async () => {
    await vehicle?.stop();
    await t?.stop();
  });

  const bcm = () => vehicle.ecus.find((e) => e.module === 'bcm')!;

  /** Delivers a forged offer for the BCM and returns the vehicle's answer, checking the BCM did not change. */
  async function attack(opts: Partial<ForgeOptions>): Promise<ota.v1.IInstallResult> {
    const ecu = bcm();
    const before = { module: ecu.module, serial: ecu.serial, hardwareId: ecu.hardwareId, softwareVersion: ecu.softwareVersion, releaseCounter: ecu.releaseCounter };
    const offer = await forgeOffer(t, { vin: record.vin, ecu: before, version: '9.0.0', image, ...opts });
    await deliver(t, record.vin, offer.bytes);
    const result = await until(async () => results.get(offer.executionId) ?? results.get(''), 15_000, 'the vehicle to answer');
    results.delete(offer.executionId);
    results.delete('');
    expect(bcm().softwareVersion).toBe(before.softwareVersion);
    expect(bcm().releaseCounter ?? 0).toBe(before.releaseCounter ?? 0);
    return result;
  }

  it('a manifest whose signed bytes changed: SIGNATURE_INVALID', async () => {
    const r = await attack({ tamper: (o) => void (o.manifest!.payload![o.manifest!.payload!.length - 1]! ^= 1) });
    expect(r.code).toBe(code('SIGNATURE_INVALID'));
  });

  it('a manifest signed by a key the root does not give the director role: UNKNOWN_KEY', async () => {
    expect((await attack({ directorKey: generateKeyPairSync('ed25519').privateKey })).code).toBe(code('UNKNOWN_KEY'));
  });

  it('a release entry not signed by the release key: UNKNOWN_KEY', async () => {
    expect((await attack({ releaseKey: generateKeyPairSync('ed25519').privateKey })).code).toBe(code('UNKNOWN_KEY'));
  });

  it('an expired manifest (freeze): METADATA_EXPIRED', async () => {
    expect((await attack({ manifest: (m) => void (m.expiresAtMs = Date.now() - 1000) })).code).toBe(code('METADATA_EXPIRED'));
  });

  it('a manifest for another vehicle: VIN_MISMATCH', async () => {
    expect((await attack({ manifest: (m) => void (m.vin = '1HGCM82633A004352') })).code).toBe(code('VIN_MISMATCH'));
  });

  it('a manifest echoing an old or made-up nonce (replay): NONCE_MISMATCH', async () => {
    expect((await attack({ nonce: randomBytes(16) })).code).toBe(code('NONCE_MISMATCH'));
  });

  it('an image for other hardware (mix-and-match): HARDWARE_ID_MISMATCH', async () => {
    const other = (x: { hardwareIds?: string[] | null }) => void (x.hardwareIds = ['BCM-OTHER']);
    expect((await attack({ release: other, target: other })).code).toBe(code('HARDWARE_ID_MISMATCH'));
  });

  it('a director target that differs from the signed release entry: TARGETS_DISAGREE', async () => {
    expect((await attack({ target: (x) => void (x.imageSha256 = randomBytes(32)) })).code).toBe(code('TARGETS_DISAGREE'));
  });

  it('a lower release counter than installed, without the signed rollback flag: ROLLBACK_DETECTED', async () => {
    // Put a real release (counter 5) on the ECU first, through a campaign.
    const update = await t.api.createUpdate({ name: 'real', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: [bcm().hardwareId], releaseCounter: 5 });
    await t.api.uploadImage(update.id, randomBytes(16 * 1024));
    const campaign = await t.api.createCampaign({ name: 'real', updateId: update.id });
    await t.api.startCampaign(campaign.id);
    await until(async () => (await t.api.campaignStatus(campaign.id)).campaign.state === 'completed', 30_000, 'the real release');
    results.clear();
    expect(bcm().releaseCounter).toBe(5);
    expect((await attack({ version: '2.1.0', releaseCounter: 4 })).code).toBe(code('ROLLBACK_DETECTED'));
  });

  it('a new root signed only by new keys (a usurped root role): ROOT_INVALID', async () => {
    const root1 = anchorRoot(t.trust.root1);
    if (isRootRefusal(root1)) throw new Error(root1.description);
    const usurper = generateKeyPairSync('ed25519');
    const evilRoot = nextRootEnvelope(root1, { root: [usurper.publicKey], director: [usurper.publicKey] }, [usurper.privateKey]);
    const r = await attack({ roots: [evilRoot], directorKey: usurper.privateKey });
    expect(r.code).toBe(code('ROOT_INVALID'));
  });

  it('more bytes than the signed length (endless data): LENGTH_EXCEEDED', async () => {
    expect((await chunkAttack((size) => randomBytes(size + 100))).code).toBe(code('LENGTH_EXCEEDED'));
  });

  it('a chunk whose hash is wrong: HASH_MISMATCH', async () => {
    expect((await chunkAttack((size) => randomBytes(size))).code).toBe(code('HASH_MISMATCH'));
  });

  it('the same manifest counter twice (replay of a captured manifest): NONCE_MISMATCH', async () => {
    // A valid offer is accepted (its counter remembered) and starts downloading; its twin is a replay.
    const seat = vehicle.ecus.find((e) => e.module === 'seat')!;
    const counter = 9_000_000;
    const first = await forgeOffer(t, { vin: record.vin, ecu: seat, version: '1.0.0', image, counter });
    await deliver(t, record.vin, first.bytes);
    await until(async () => vehicle.activity === 'downloading', 10_000, 'the first offer to be accepted');
    const twin = await forgeOffer(t, { vin: record.vin, ecu: seat, version: '1.0.0', image, counter });
    await deliver(t, record.vin, twin.bytes);
    const r = await until(async () => results.get(twin.executionId), 10_000, 'the replay refused');
    expect(r.code).toBe(code('NONCE_MISMATCH'));
  });

  /** A valid offer, then a chunk from "the network" that is not what the release entry signed. */
  async function chunkAttack(data: (chunkSize: number) => Buffer): Promise<ota.v1.IInstallResult> {
    const adas = vehicle.ecus.find((e) => e.module === 'adas')!;
    const before = adas.softwareVersion;
    const offer = await forgeOffer(t, { vin: record.vin, ecu: adas, version: '7.0.0', image });
    await deliver(t, record.vin, offer.bytes);
    await until(async () => vehicle.activity === 'downloading', 10_000, 'the download to start');
    const chunk = ota.v1.Chunk.encode({ executionId: offer.executionId, index: 0, offset: 0, data: data(16 * 1024), imageSha256: offer.imageSha256 }).finish();
    await t.gateway.mqtt.send(record.vin, 'chunks/data', chunk, 1);
    const r = await until(async () => results.get(offer.executionId), 15_000, 'the vehicle to refuse the chunk');
    expect(vehicle.ecus.find((e) => e.module === 'adas')!.softwareVersion).toBe(before);
    return r;
  }
});
