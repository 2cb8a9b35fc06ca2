import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DOWNLINK, MANIFEST_PAYLOAD_TYPE, MAX_CHUNK_SIZE, MAX_MANIFEST_BYTES, UPLINK, keyIdOf, ota, signPayload, u64, vehicleTopic } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { fakeConnector, type FakeMqttClient, type Published } from './testing/fake-mqtt.js';
import { VirtualVehicle, type VirtualVehicleOptions } from './virtual-vehicle.js';

const C = ota.v1.ResultCode;
const NOW = 1_700_000_000_000;
const director = generateKeyPairSync('ed25519');
const trustedKeys = new Map([[keyIdOf(director.publicKey), director.publicKey]]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

const record: VehicleRecord = generateFleet({ count: 1, seed: 42 })[0]!;
const bcm = record.ecus.find((e) => e.module === 'bcm')!;
const VIN = record.vin;

const CHUNK = 1000;
const image = randomBytes(9_500);
const chunks = Array.from({ length: Math.ceil(image.length / CHUNK) }, (_, i) => image.subarray(i * CHUNK, (i + 1) * CHUNK));

function offer(over: Partial<ota.v1.IUpdateManifest> = {}, target: Partial<ota.v1.ITarget> = {}, key = director.privateKey): Uint8Array {
  const manifest = ota.v1.UpdateManifest.encode({
    executionId: 'exec-1',
    vin: VIN,
    expiresAtMs: NOW + 3_600_000,
    updateName: 'bcm 1.5.0',
    attempt: 1,
    target: {
      ecuModule: 'bcm',
      ecuSerial: bcm.serial,
      hardwareIds: ['BCM-H2'],
      version: '1.5.0',
      imageSize: image.length,
      imageSha256: sha(image),
      chunkSize: CHUNK,
      chunkSha256: chunks.map(sha),
      ...target,
    },
    ...over,
  }).finish();
  return ota.v1.Signed.encode(signPayload(MANIFEST_PAYLOAD_TYPE, manifest, key)).finish();
}

const topic = (suffix: Parameters<typeof vehicleTopic>[1]) => vehicleTopic(VIN, suffix);
const on = (client: FakeMqttClient, suffix: Parameters<typeof vehicleTopic>[1]) => client.published.filter((p) => p.topic === topic(suffix));
const results = (client: FakeMqttClient) => on(client, UPLINK.result).map((p) => ota.v1.InstallResult.decode(p.payload));
const reports = (client: FakeMqttClient) => on(client, UPLINK.report).map((p) => ota.v1.VersionReport.decode(p.payload));
const requests = (client: FakeMqttClient) => on(client, UPLINK.chunkRequest).map((p) => ota.v1.ChunkRequest.decode(p.payload));

async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** The gateway's side of the download: answers each ChunkRequest with that chunk, a moment later. */
function serveChunks(client: FakeMqttClient, tamper?: (index: number, data: Buffer) => Buffer): { delivered: number } {
  const served = { delivered: 0 };
  client.onPublish = (message: Published) => {
    if (message.topic !== topic(UPLINK.chunkRequest)) return;
    const req = ota.v1.ChunkRequest.decode(message.payload);
    const data = chunks[req.index]!;
    const chunk = ota.v1.Chunk.encode({ executionId: req.executionId, index: req.index, offset: req.index * CHUNK, data: tamper ? tamper(req.index, Buffer.from(data)) : data });
    setImmediate(() => {
      served.delivered++;
      client.deliver(topic(DOWNLINK.chunk), chunk.finish());
    });
  };
  return served;
}

const running: VirtualVehicle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((v) => v.stop()));
});

async function startVehicle(over: Partial<VirtualVehicleOptions> = {}) {
  const connector = fakeConnector();
  const vehicle = new VirtualVehicle({
    record,
    gatewayUrl: 'mqtts://gateway.test:8883',
    tls: { ca: 'CA', cert: 'CERT', key: 'KEY' },
    trustedKeys,
    timeScale: 0,
    now: () => NOW,
    connect: connector.connect,
    ...over,
  });
  running.push(vehicle);
  await vehicle.start();
  return { vehicle, client: connector.clients[0]! };
}

describe('VirtualVehicle session', () => {
  it('connects as its VIN over verified TLS, subscribes to its own downlink at QoS 1, then reports', async () => {
    const { client } = await startVehicle();
    expect(client.url).toBe('mqtts://gateway.test:8883');
    expect(client.options).toMatchObject({ clientId: VIN, protocolVersion: 4, clean: true, rejectUnauthorized: true, ca: 'CA', cert: 'CERT', key: 'KEY' });
    expect(client.subscriptions).toEqual(Object.values(DOWNLINK).map((s) => ({ topic: topic(s), qos: 1 })));
    const [report] = reports(client);
    expect(on(client, UPLINK.report)[0]!.qos).toBe(1);
    expect(report).toMatchObject({ vin: VIN, sentAtMs: expect.anything() });
    expect(u64(report!.reportCounter)).toBe(1);
    expect(u64(report!.sentAtMs)).toBe(NOW);
    expect(report!.ecus.map((e) => [e.module, e.bus, e.softwareVersion])).toEqual([
      ['bcm', ota.v1.Bus.CAN, '1.4.2'],
      ['adas', ota.v1.Bus.CAN_FD, '3.1.0'],
      ['seat', ota.v1.Bus.LIN, '0.9.4'],
    ]);
  });

  it('rejects start() when the gateway refuses the connection', async () => {
    const connector = fakeConnector(new Error('certificate revoked'));
    const vehicle = new VirtualVehicle({ record, gatewayUrl: 'mqtts://x', tls: { ca: '', cert: '', key: '' }, trustedKeys, connect: connector.connect });
    await expect(vehicle.start()).rejects.toThrow('certificate revoked');
    expect(connector.clients[0]!.ended).toEqual({ force: true });
  });

  it('reports again after a reconnect, with a higher counter', async () => {
    const { vehicle, client } = await startVehicle();
    client.stream.destroy();
    await until(() => reports(client).length === 2, 'the second report');
    expect(reports(client).map((r) => u64(r.reportCounter))).toEqual([1, 2]);
    expect(vehicle.stats.reconnects).toBe(1);
  });

  it('ends with a DISCONNECT (not a forced close) while connected', async () => {
    const { vehicle, client } = await startVehicle();
    await vehicle.stop();
    expect(client.ended).toEqual({ force: false });
  });

  it('counts and ignores what it cannot use, without throwing', async () => {
    const { vehicle, client } = await startVehicle();
    client.deliver('ota/v1/OTHER/update', offer());
    client.deliver(topic(DOWNLINK.chunk), Buffer.from([0xff, 0xff, 0xff]));
    client.deliver(topic(DOWNLINK.chunk), ota.v1.Chunk.encode({ executionId: 'nobody', index: 0, data: chunks[0] }).finish());
    client.deliver(topic(DOWNLINK.rejected), Buffer.from([0x0a, 0xff]));
    // Validly signed, but over the cap: dropped unread, so nothing is downloaded.
    client.deliver(topic(DOWNLINK.update), offer({ executionId: 'huge', updateName: 'x'.repeat(MAX_MANIFEST_BYTES) }));
    client.deliver(topic(DOWNLINK.chunk), Buffer.alloc(MAX_CHUNK_SIZE + 2048));
    expect(vehicle.stats.ignoredMessages).toBe(6);
    await new Promise((r) => setTimeout(r, 10));
    expect(client.published.length).toBe(1); // the first report only
  });

  it('emits rejections the gateway sends', async () => {
    const { vehicle, client } = await startVehicle();
    const seen: ota.v1.IRejection[] = [];
    vehicle.on('rejected', (r: ota.v1.IRejection) => seen.push(r));
    client.deliver(topic(DOWNLINK.rejected), ota.v1.Rejection.encode({ topic: topic(UPLINK.progress), reason: 'OTA_ERR_MALFORMED' }).finish());
    expect(seen).toMatchObject([{ reason: 'OTA_ERR_MALFORMED' }]);
    expect(vehicle.stats.rejections).toBe(1);
  });
});

describe('VirtualVehicle update', () => {
  it('pulls the image within its window, flashes, reports OK and then the new version', async () => {
    const { vehicle, client } = await startVehicle({ chunkWindow: 3, timeScale: 0.002 });
    const states: string[] = [];
    let maxOutstanding = 0;
    const served = serveChunks(client);
    const serve = client.onPublish;
    client.onPublish = (m) => {
      states.push(vehicle.stats.state);
      maxOutstanding = Math.max(maxOutstanding, requests(client).length - served.delivered);
      serve(m);
    };
    const emitted: ota.v1.IInstallResult[] = [];
    vehicle.on('result', (r: ota.v1.IInstallResult) => emitted.push(r));
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => reports(client).length === 2, 'the report after the install');

    expect(requests(client).map((r) => [r.executionId, r.index, r.count])).toEqual(chunks.map((_, i) => ['exec-1', i, 1]));
    expect(maxOutstanding).toBe(3); // the window is kept full, never overfilled
    const [result] = results(client);
    expect(result).toMatchObject({ executionId: 'exec-1', success: true, code: C.OK, ecus: [{ ecuSerial: bcm.serial, code: C.OK, softwareVersion: '1.5.0' }] });
    expect(u64(result!.bytesReceived)).toBe(image.length);
    expect(on(client, UPLINK.result)[0]!.qos).toBe(1);
    expect(emitted).toHaveLength(1);
    // The result comes before the report that shows the new version.
    const order = client.published.map((p) => p.topic);
    expect(order.lastIndexOf(topic(UPLINK.result))).toBeLessThan(order.lastIndexOf(topic(UPLINK.report)));
    const after = reports(client)[1]!;
    expect(u64(after.reportCounter)).toBe(2);
    expect(after.ecus.find((e) => e.serial === bcm.serial)!.softwareVersion).toBe('1.5.0');
    expect(vehicle.ecus.find((e) => e.serial === bcm.serial)!.softwareVersion).toBe('1.5.0');
    expect(record.ecus[0]!.softwareVersion).toBe('1.4.2'); // the manufacturing record is not touched

    const progress = on(client, UPLINK.progress);
    expect(progress.every((p) => p.qos === 0)).toBe(true);
    const phases = progress.map((p) => ota.v1.Progress.decode(p.payload).phase);
    expect(phases.filter((p) => p === ota.v1.Phase.DOWNLOADING).length).toBeLessThanOrEqual(11);
    expect(phases.slice(-2)).toEqual([ota.v1.Phase.VERIFYING, ota.v1.Phase.INSTALLING]);
    expect(states).toContain('downloading');
    expect(states).toContain('installing');
    expect(vehicle.stats).toMatchObject({ bytesReceived: image.length, chunksReceived: chunks.length, results: 1, flashes: 1, state: 'idle' });
  });

  it('takes as long as the flash model says, scaled', async () => {
    const { client } = await startVehicle({ timeScale: 0.02 }); // CAN, 9.5 KB: (4 s + 0.475 s + ...) x 0.02 ≈ 90 ms
    serveChunks(client);
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => on(client, UPLINK.progress).some((p) => ota.v1.Progress.decode(p.payload).phase === ota.v1.Phase.INSTALLING), 'flashing');
    const flashStart = Date.now();
    await until(() => results(client).length === 1, 'the result');
    expect(Date.now() - flashStart).toBeGreaterThanOrEqual(80);
  });

  it('refuses each bad offer with its code, reports the ECU unchanged, and downloads nothing', async () => {
    const stranger = generateKeyPairSync('ed25519');
    const cases: [string, Uint8Array, ota.v1.ResultCode][] = [
      ['unknown key', offer({ executionId: 'e-key' }, {}, stranger.privateKey), C.SIGNATURE_INVALID],
      ['another VIN', offer({ executionId: 'e-vin', vin: '1M8GDM9AXKP042788' }), C.VIN_MISMATCH],
      ['expired', offer({ executionId: 'e-exp', expiresAtMs: NOW - 1 }), C.METADATA_EXPIRED],
      ['unknown ECU', offer({ executionId: 'e-ecu' }, { ecuSerial: 'NOPE' }), C.ECU_NOT_FOUND],
      ['other hardware', offer({ executionId: 'e-hw' }, { hardwareIds: ['BCM-H1'] }), C.HARDWARE_ID_MISMATCH],
      ['hash list short', offer({ executionId: 'e-list' }, { chunkSha256: chunks.slice(1).map(sha) }), C.VERIFICATION_FAILED],
    ];
    const { vehicle, client } = await startVehicle();
    for (const [, envelope] of cases) client.deliver(topic(DOWNLINK.update), envelope);
    await until(() => results(client).length === cases.length, 'every refusal');
    const byId = new Map(results(client).map((r) => [r.executionId, r]));
    for (const [name, envelope, code] of cases) {
      const id = ota.v1.UpdateManifest.decode(ota.v1.Signed.decode(envelope).payload).executionId;
      const r = byId.get(id)!;
      expect({ name, success: r.success, code: r.code }).toEqual({ name, success: false, code });
      expect(r.description, name).not.toBe('');
      if (code !== C.ECU_NOT_FOUND) expect(r.ecus, name).toMatchObject([{ ecuSerial: bcm.serial, code, softwareVersion: '1.4.2' }]);
    }
    expect(requests(client)).toEqual([]);
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.4.2');
  });

  it('ignores a redelivered offer while downloading, and answers one after the result with the same result', async () => {
    const { vehicle, client } = await startVehicle({ chunkWindow: 2 });
    client.deliver(topic(DOWNLINK.update), offer());
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => requests(client).length >= 2, 'the first requests');
    expect(requests(client).map((r) => r.index)).toEqual([0, 1]);
    serveChunks(client);
    for (const r of requests(client)) client.onPublish({ topic: topic(UPLINK.chunkRequest), payload: Buffer.from(ota.v1.ChunkRequest.encode(r).finish()), qos: 1 });
    await until(() => reports(client).length === 2, 'the install');
    const first = on(client, UPLINK.result);
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => on(client, UPLINK.result).length === 2, 'the repeated result');
    expect(on(client, UPLINK.result)[1]!.payload.equals(first[0]!.payload)).toBe(true);
    expect(requests(client).length).toBe(chunks.length);
    expect(vehicle.stats.flashes).toBe(1);
  });

  it('starts again for a retry with a higher attempt number', async () => {
    const { vehicle, client } = await startVehicle();
    client.deliver(topic(DOWNLINK.update), offer({ expiresAtMs: NOW - 1 }));
    await until(() => results(client).length === 1, 'the refusal');
    serveChunks(client);
    client.deliver(topic(DOWNLINK.update), offer({ attempt: 2 }));
    await until(() => results(client).length === 2, 'the retry result');
    expect(results(client).map((r) => r.code)).toEqual([C.METADATA_EXPIRED, C.OK]);
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.5.0');
  });

  it('stops at a tampered chunk with HASH_MISMATCH and keeps its version', async () => {
    const { vehicle, client } = await startVehicle();
    serveChunks(client, (index, data) => {
      if (index === 4) data[10]! ^= 1;
      return data;
    });
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => results(client).length === 1, 'the refusal');
    expect(results(client)[0]).toMatchObject({ success: false, code: C.HASH_MISMATCH, ecus: [{ softwareVersion: '1.4.2' }] });
    await new Promise((r) => setTimeout(r, 20));
    expect(requests(client).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]); // nothing asked after the bad chunk
    expect(vehicle.stats.ignoredMessages).toBe(3); // chunks 5-7, already in flight, arrive for a finished execution
    expect(reports(client)).toHaveLength(1);
    expect(vehicle.stats).toMatchObject({ flashes: 0, state: 'idle' });
  });

  it('refuses an image whose chunks match their hashes but not the signed image digest', async () => {
    const { vehicle, client } = await startVehicle();
    serveChunks(client);
    client.deliver(topic(DOWNLINK.update), offer({}, { imageSha256: sha(Buffer.from('another image')) }));
    await until(() => results(client).length === 1, 'the refusal');
    expect(results(client)[0]).toMatchObject({ success: false, code: C.HASH_MISMATCH });
    expect(vehicle.ecus[0]!.softwareVersion).toBe('1.4.2');
  });

  it('asks again when chunks stop coming, then reports DOWNLOAD_FAILED', async () => {
    const { vehicle, client } = await startVehicle({ chunkWindow: 2, chunkTimeoutMs: 10 });
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => results(client).length === 1, 'the failure');
    expect(requests(client).map((r) => r.index)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(results(client)[0]).toMatchObject({ success: false, code: C.DOWNLOAD_FAILED, ecus: [{ softwareVersion: '1.4.2' }] });
    expect(vehicle.stats.state).toBe('idle');
  });

  it('resumes after a dropped link: re-asks for the chunks in flight and keeps the verified ones', async () => {
    const { vehicle, client } = await startVehicle({ chunkWindow: 2 });
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => requests(client).length === 2, 'the first requests');
    client.deliver(topic(DOWNLINK.chunk), ota.v1.Chunk.encode({ executionId: 'exec-1', index: 0, data: chunks[0] }).finish());
    client.stream.destroy();
    await until(() => reports(client).length === 2, 'the report after reconnecting');
    await until(() => requests(client).length === 5, 'the re-requests');
    expect(requests(client).map((r) => r.index)).toEqual([0, 1, 2, 1, 2]);
    serveChunks(client);
    for (const index of [1, 2]) client.onPublish({ topic: topic(UPLINK.chunkRequest), payload: Buffer.from(ota.v1.ChunkRequest.encode({ executionId: 'exec-1', index, count: 1 }).finish()), qos: 1 });
    await until(() => results(client).length === 1, 'the result');
    expect(results(client)[0]!.code).toBe(C.OK);
    expect(vehicle.stats.chunksReceived).toBe(chunks.length);
  });

  it('stops a download when cancelled, reporting OPERATION_CANCELLED and the old version', async () => {
    const { vehicle, client } = await startVehicle();
    client.deliver(topic(DOWNLINK.update), offer());
    await until(() => requests(client).length > 0, 'the download');
    client.deliver(topic(DOWNLINK.cancel), ota.v1.CancelRequest.encode({ executionId: 'exec-1', reason: 'campaign cancelled' }).finish());
    await until(() => results(client).length === 1, 'the cancel result');
    expect(results(client)[0]).toMatchObject({ success: false, code: C.OPERATION_CANCELLED, ecus: [{ softwareVersion: '1.4.2' }] });
    expect(vehicle.stats.state).toBe('idle');
  });
});
