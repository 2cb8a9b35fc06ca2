import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DOWNLINK, MAX_CHUNK_SIZE, MAX_MANIFEST_BYTES, PAYLOAD_TYPES, UPLINK, keyIdOf, ota, u64, verifyEnvelope } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { fakeConnector } from './testing/fake-mqtt.js';
import { TestAuthority, testImage } from './testing/test-authority.js';
import { HOUR, NOW, VehicleBench, until } from './testing/vehicle-bench.js';
import { simulatedReportKey } from './vehicle-keys.js';
import { VirtualVehicle } from './virtual-vehicle.js';

const C = ota.v1.ResultCode;
const record: VehicleRecord = generateFleet({ count: 1, seed: 42 })[0]!;
const bcm = record.ecus.find((e) => e.module === 'bcm')!;
const VIN = record.vin;
const authority = new TestAuthority(NOW + 365 * 24 * HOUR);
const bench = new VehicleBench(record, authority);
afterEach(() => bench.stopAll());

const image = testImage(9_500, 1000);
const update = { ecu: bcm, image, version: '1.5.0', releaseCounter: 2 };

describe('VirtualVehicle session', () => {
  it('connects as its VIN over verified TLS, subscribes to its own downlink at QoS 1, then reports', async () => {
    const { gateway } = await bench.start();
    const { client } = gateway;
    expect(client.url).toBe('mqtts://gateway.test:8883');
    expect(client.options).toMatchObject({ clientId: VIN, protocolVersion: 4, clean: true, rejectUnauthorized: true, ca: 'CA', cert: 'CERT', key: 'KEY' });
    expect(client.subscriptions).toEqual(Object.values(DOWNLINK).map((s) => ({ topic: gateway.topic(s), qos: 1 })));
    const [report] = gateway.reports();
    expect(gateway.sent(UPLINK.report)[0]!.qos).toBe(1);
    expect(report).toMatchObject({ vin: VIN, state: { batteryPct: 90, parked: true, ignitionOn: false } });
    expect(u64(report!.sentAtMs)).toBe(NOW);
    expect(u64(report!.rootVersion)).toBe(1);
    expect(report!.ecus.map((e) => [e.module, e.bus, e.softwareVersion, e.releaseCounter, e.activeBank])).toEqual([
      ['bcm', ota.v1.Bus.CAN, '1.4.2', 0, 'A'],
      ['adas', ota.v1.Bus.CAN_FD, '3.1.0', 0, 'A'],
      ['seat', ota.v1.Bus.LIN, '0.9.4', 0, 'A'],
    ]);
  });

  it('signs every report with its report key; the counter grows and the nonce changes', async () => {
    const { vehicle, gateway } = await bench.start({ state: { batteryPct: 55 } });
    gateway.client.stream.destroy();
    await until(() => gateway.reports().length === 2, 'the report after reconnecting');
    await vehicle.report();
    const publicKey = createPublicKey(simulatedReportKey(VIN));
    const trusted = new Map([[keyIdOf(publicKey), publicKey]]);
    for (const signed of gateway.signedReports()) expect(verifyEnvelope(signed, PAYLOAD_TYPES.report, trusted)).toMatchObject({ ok: true });
    const reports = gateway.reports();
    const counters = reports.map((r) => u64(r.reportCounter));
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(new Set(counters).size).toBe(3);
    expect(counters[0]).toBeGreaterThanOrEqual(NOW); // never below the clock: a restarted simulator still grows
    expect(new Set(reports.map((r) => Buffer.from(r.nonce).toString('hex'))).size).toBe(3);
    expect(reports.every((r) => r.nonce.length === 16 && r.state?.batteryPct === 55)).toBe(true);
    expect(vehicle.stats.reconnects).toBe(1);
  });

  it('signs with the report key it is given', async () => {
    const own = generateKeyPairSync('ed25519');
    const { gateway } = await bench.start({ reportKey: own.privateKey });
    const trusted = new Map([[keyIdOf(own.publicKey), own.publicKey]]);
    expect(verifyEnvelope(gateway.signedReports()[0]!, PAYLOAD_TYPES.report, trusted)).toMatchObject({ ok: true });
  });

  it('refuses to exist without a trust root that verifies, or with a report key that is not ed25519', () => {
    const base = { record, gatewayUrl: 'mqtts://x', tls: { ca: '', cert: '', key: '' } };
    expect(() => new VirtualVehicle({ ...base, trustRoot: Buffer.from('not a root') })).toThrow(`${VIN}: the trust root does not verify`);
    const forged = new TestAuthority(NOW + HOUR);
    const unsigned = forged.rotate({ signers: [], version: 1 });
    expect(() => new VirtualVehicle({ ...base, trustRoot: unsigned })).toThrow(/not self-signed/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => new VirtualVehicle({ ...base, trustRoot: authority.trustRoot, reportKey: rsa })).toThrow('ed25519 private key');
  });

  it('rejects start() when the gateway refuses the connection', async () => {
    const connector = fakeConnector(new Error('certificate revoked'));
    const vehicle = new VirtualVehicle({ record, gatewayUrl: 'mqtts://x', tls: { ca: '', cert: '', key: '' }, trustRoot: authority.trustRoot, connect: connector.connect });
    await expect(vehicle.start()).rejects.toThrow('certificate revoked');
    expect(connector.clients[0]!.ended).toEqual({ force: true });
  });

  it('ends with a DISCONNECT (not a forced close) while connected', async () => {
    const { vehicle, gateway } = await bench.start();
    await vehicle.stop();
    expect(gateway.client.ended).toEqual({ force: false });
  });

  it('counts and ignores what it cannot use, without throwing', async () => {
    const { vehicle, gateway } = await bench.start();
    const { client } = gateway;
    client.deliver('ota/v1/OTHER/update', gateway.offer([update]));
    client.deliver(gateway.topic(DOWNLINK.chunk), Buffer.from([0xff, 0xff, 0xff]));
    gateway.chunk(image, 0, undefined, 'nobody');
    gateway.chunk(image, 1); // an image nothing downloads
    client.deliver(gateway.topic(DOWNLINK.rejected), Buffer.from([0x0a, 0xff]));
    // Validly signed, but over the cap: dropped unread, so nothing is downloaded.
    gateway.send(gateway.offer([update], { executionId: 'huge', updateName: 'x'.repeat(MAX_MANIFEST_BYTES) }));
    client.deliver(gateway.topic(DOWNLINK.chunk), Buffer.alloc(MAX_CHUNK_SIZE + 2048));
    // Not an offer at all, and an offer whose manifest is not even a manifest: nothing to answer.
    gateway.send(Buffer.from([0xff, 0xff]));
    expect(vehicle.stats.ignoredMessages).toBe(8);
    await new Promise((r) => setTimeout(r, 10));
    expect(client.published.length).toBe(1); // the first report only
  });

  it('emits rejections the gateway sends', async () => {
    const { vehicle, gateway } = await bench.start();
    const seen: ota.v1.IRejection[] = [];
    vehicle.on('rejected', (r: ota.v1.IRejection) => seen.push(r));
    gateway.client.deliver(gateway.topic(DOWNLINK.rejected), ota.v1.Rejection.encode({ topic: gateway.topic(UPLINK.progress), reason: 'OTA_ERR_MALFORMED' }).finish());
    expect(seen).toMatchObject([{ reason: 'OTA_ERR_MALFORMED' }]);
    expect(vehicle.stats.rejections).toBe(1);
  });
});

describe('VirtualVehicle report the gateway could not store', () => {
  it('sends a fresh report after a backoff, one at a time, and none for other refusals', async () => {
    const { vehicle, gateway } = await bench.start();
    const refuse = (topic: string, reason: string) =>
      gateway.client.deliver(gateway.topic(DOWNLINK.rejected), ota.v1.Rejection.encode({ topic, reason, message: 'no' }).finish());
    refuse(gateway.topic(UPLINK.report), 'OTA_ERR_REPORT_SIGNATURE'); // the vehicle's own fault: resending would not help
    refuse(gateway.topic(UPLINK.progress), 'OTA_ERR_UNAVAILABLE'); // QoS 0 progress is not worth a resend
    refuse(gateway.topic(UPLINK.report), 'OTA_ERR_UNAVAILABLE');
    refuse(gateway.topic(UPLINK.report), 'OTA_ERR_UNAVAILABLE'); // the same outage, said twice: still one resend
    await until(() => gateway.reports().length === 2, 'a fresh report after about a second');
    await new Promise((r) => setTimeout(r, 1500));
    const reports = gateway.reports();
    expect(reports).toHaveLength(2);
    expect(u64(reports[1]!.reportCounter)).toBeGreaterThan(u64(reports[0]!.reportCounter));
    expect(Buffer.from(reports[1]!.nonce).equals(Buffer.from(reports[0]!.nonce))).toBe(false);
    expect(vehicle.stats.reportRetries).toBe(1);
  });
});

describe('VirtualVehicle update', () => {
  it('pulls the image within its window, flashes, reports OK and then the new version', async () => {
    const { vehicle, gateway } = await bench.start({ chunkWindow: 3, timeScale: 0.002 });
    const states: string[] = [];
    let maxOutstanding = 0;
    const served = gateway.serve([image]);
    const serve = gateway.client.onPublish;
    gateway.client.onPublish = (m) => {
      states.push(vehicle.stats.state);
      maxOutstanding = Math.max(maxOutstanding, gateway.requests().length - served.delivered);
      serve(m);
    };
    const emitted: ota.v1.IInstallResult[] = [];
    vehicle.on('result', (r: ota.v1.IInstallResult) => emitted.push(r));
    const downloads: unknown[] = [];
    vehicle.on('download', (d: unknown) => downloads.push(d));
    gateway.send(gateway.offer([update]));
    await until(() => gateway.reports().length === 2, 'the report after the install');

    expect(gateway.requests().map((r) => [r.executionId, r.index, r.count, Buffer.from(r.imageSha256).equals(image.sha256)])).toEqual(
      image.chunks.map((_, i) => ['exec-1', i, 1, true]),
    );
    expect(maxOutstanding).toBe(3); // the window is kept full, never overfilled
    const [result] = gateway.results();
    expect(result).toMatchObject({ executionId: 'exec-1', success: true, code: C.OK, attempt: 1, ecus: [{ ecuSerial: bcm.serial, code: C.OK, softwareVersion: '1.5.0' }] });
    expect(u64(result!.bytesReceived)).toBe(image.bytes.length);
    expect(gateway.sent(UPLINK.result)[0]!.qos).toBe(1);
    expect(emitted).toHaveLength(1);
    expect(downloads).toEqual([{ executionId: 'exec-1', attempt: 1 }]);
    // The result comes before the report that shows the new version.
    const order = gateway.client.published.map((p) => p.topic);
    expect(order.lastIndexOf(gateway.topic(UPLINK.result))).toBeLessThan(order.lastIndexOf(gateway.topic(UPLINK.report)));
    const after = gateway.reports()[1]!.ecus.find((e) => e.serial === bcm.serial)!;
    expect(after).toMatchObject({ softwareVersion: '1.5.0', releaseCounter: 2, activeBank: 'B' });
    expect(vehicle.ecus.find((e) => e.serial === bcm.serial)!.softwareVersion).toBe('1.5.0');
    expect(record.ecus[0]!.softwareVersion).toBe('1.4.2'); // the manufacturing record is not touched

    const progress = gateway.sent(UPLINK.progress);
    expect(progress.every((p) => p.qos === 0)).toBe(true);
    const decoded = progress.map((p) => ota.v1.Progress.decode(p.payload));
    expect(decoded.filter((p) => p.phase === ota.v1.Phase.DOWNLOADING).length).toBeLessThanOrEqual(11);
    expect(decoded.slice(-2).map((p) => [p.phase, p.ecuSerial])).toEqual([[ota.v1.Phase.VERIFYING, ''], [ota.v1.Phase.INSTALLING, bcm.serial]]);
    expect(states).toContain('downloading');
    expect(states).toContain('installing');
    expect(vehicle.stats).toMatchObject({ bytesReceived: image.bytes.length, chunksReceived: image.chunks.length, results: 1, flashes: 1, state: 'idle' });
  });

  it('takes as long as the flash model says, scaled', async () => {
    const { gateway } = await bench.start({ timeScale: 0.02 }); // CAN, 9.5 KB: (4 s + 0.475 s + ...) x 0.02 ≈ 90 ms
    gateway.serve([image]);
    const serve = gateway.client.onPublish;
    const at: Record<string, number> = {};
    gateway.client.onPublish = (m) => {
      // Timed as published, not as a polling loop on a busy machine happens to notice.
      if (m.topic === gateway.topic(UPLINK.progress) && ota.v1.Progress.decode(m.payload).phase === ota.v1.Phase.INSTALLING) at.flash = Date.now();
      if (m.topic === gateway.topic(UPLINK.result)) at.result = Date.now();
      serve(m);
    };
    gateway.send(gateway.offer([update]));
    await until(() => gateway.results().length === 1, 'the result');
    expect(at.result! - at.flash!).toBeGreaterThanOrEqual(80);
  });

  it('keeps the window the signed manifest asks for', async () => {
    const { gateway } = await bench.start({ chunkWindow: 3 });
    gateway.send(gateway.offer([update], { download: { chunkWindow: 5 } }));
    await until(() => gateway.requests().length === 5, 'five requests');
    await new Promise((r) => setTimeout(r, 10));
    expect(gateway.requests().map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes a chunk by the image it names; a chunk that names an execution goes to that execution only', async () => {
    const { vehicle, gateway } = await bench.start({ chunkWindow: 2 });
    gateway.send(gateway.offer([update]));
    await until(() => gateway.requests().length === 2, 'the first requests');
    gateway.chunk(image, 0, undefined, 'exec-other');
    gateway.chunk(testImage(2_000, 1000), 0);
    await until(() => vehicle.stats.ignoredMessages === 2, 'both ignored');
    expect(vehicle.stats.chunksReceived).toBe(0);
    gateway.serve([image]); // the requests from here on
    gateway.chunk(image, 0, undefined, 'exec-1');
    gateway.chunk(image, 1);
    await until(() => gateway.results().length === 1, 'the result');
    expect(gateway.results()[0]!.code).toBe(C.OK);
    expect(vehicle.stats).toMatchObject({ chunksReceived: image.chunks.length, ignoredMessages: 2 });
  });

  it('ignores a redelivered offer while downloading, and answers one after the result with the same result', async () => {
    const { vehicle, gateway } = await bench.start({ chunkWindow: 2 });
    let downloads = 0;
    vehicle.on('download', () => downloads++);
    const offer = gateway.offer([update]);
    gateway.send(offer);
    gateway.send(offer);
    await until(() => gateway.requests().length >= 2, 'the first requests');
    expect(gateway.requests().map((r) => r.index)).toEqual([0, 1]);
    gateway.serve([image]);
    for (const index of [0, 1]) gateway.chunk(image, index);
    await until(() => gateway.reports().length === 2, 'the install');
    const first = gateway.sent(UPLINK.result);
    gateway.send(offer); // its nonce and counter are used up by now: only the result log can answer it
    await until(() => gateway.sent(UPLINK.result).length === 2, 'the repeated result');
    expect(gateway.sent(UPLINK.result)[1]!.payload.equals(first[0]!.payload)).toBe(true);
    expect(gateway.requests().length).toBe(image.chunks.length);
    expect(vehicle.stats.flashes).toBe(1);
    expect(downloads).toBe(1);
  });

  it('starts again for a retry with a higher attempt number', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.send(gateway.offer([update], { expiresAtMs: NOW - 1 }));
    await until(() => gateway.results().length === 1, 'the refusal');
    gateway.serve([image]);
    gateway.send(gateway.offer([update], { attempt: 2 }));
    await until(() => gateway.results().length === 2, 'the retry result');
    expect(gateway.results().map((r) => [r.code, r.attempt])).toEqual([[C.METADATA_EXPIRED, 1], [C.OK, 2]]);
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.5.0');
  });

  it('asks again when chunks stop coming, then reports DOWNLOAD_FAILED', async () => {
    const { vehicle, gateway } = await bench.start({ chunkWindow: 2, chunkTimeoutMs: 10 });
    gateway.send(gateway.offer([update]));
    await until(() => gateway.results().length === 1, 'the failure');
    expect(gateway.requests().map((r) => r.index)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(gateway.results()[0]).toMatchObject({ success: false, code: C.DOWNLOAD_FAILED, ecus: [{ softwareVersion: '1.4.2' }] });
    expect(vehicle.stats.state).toBe('idle');
  });

  it('resumes after a dropped link: re-asks for the chunks in flight and keeps the verified ones', async () => {
    const { vehicle, gateway } = await bench.start({ chunkWindow: 2 });
    gateway.send(gateway.offer([update]));
    await until(() => gateway.requests().length === 2, 'the first requests');
    gateway.chunk(image, 0);
    gateway.client.stream.destroy();
    await until(() => gateway.reports().length === 2, 'the report after reconnecting');
    await until(() => gateway.requests().length === 5, 'the re-requests');
    expect(gateway.requests().map((r) => r.index)).toEqual([0, 1, 2, 1, 2]);
    gateway.serve([image]);
    for (const index of [1, 2]) gateway.chunk(image, index);
    await until(() => gateway.results().length === 1, 'the result');
    expect(gateway.results()[0]!.code).toBe(C.OK);
    expect(vehicle.stats.chunksReceived).toBe(image.chunks.length);
  });

  it('stops a download when cancelled, reporting OPERATION_CANCELLED and the old version', async () => {
    const { vehicle, gateway } = await bench.start();
    gateway.send(gateway.offer([update]));
    await until(() => gateway.requests().length > 0, 'the download');
    gateway.client.deliver(gateway.topic(DOWNLINK.cancel), ota.v1.CancelRequest.encode({ executionId: 'exec-1', reason: 'campaign cancelled' }).finish());
    await until(() => gateway.results().length === 1, 'the cancel result');
    expect(gateway.results()[0]).toMatchObject({ success: false, code: C.OPERATION_CANCELLED, ecus: [{ softwareVersion: '1.4.2' }] });
    expect(vehicle.stats.state).toBe('idle');
  });
});
