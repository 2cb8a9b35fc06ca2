import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandaloneCa, issueClientCertificateWithSubject } from '@ota/gateway';
import { PAYLOAD_TYPES, ota, signToBytes, vehicleTopic } from '@ota/proto';
import { connectOutcome, connectRaw, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

const A = '1M8GDM9AXKP042788';
const B = '1HGCM82633A004352';

// Each vehicle's report-signing key, registered with its manufacturing data.
const reportKeys = new Map<string, KeyObject>([A, B].map((vin) => [vin, generateKeyPairSync('ed25519').privateKey]));

const manufacturing = (vin: string) => ({
  vin,
  engineNumber: `E-${vin.slice(-6)}`,
  chassisNumber: `C-${vin.slice(-6)}`,
  model: 'Aster',
  region: 'EU',
  reportPublicKey: createPublicKey(reportKeys.get(vin)!).export({ type: 'spki', format: 'pem' }).toString(),
  ecus: [{ module: 'bcm', serial: `${vin}-BCM`, hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.4.2' }],
});

/** A version report as a vehicle sends it: signed with its own key (or, for an attack, another one). */
function report(vin: string, version: string, counter: number, key = reportKeys.get(vin)!): Buffer {
  const payload = ota.v1.VersionReport.encode({
    vin,
    reportCounter: counter,
    sentAtMs: Date.now(),
    nonce: Buffer.from(`nonce-${counter}`),
    ecus: [{ module: 'bcm', serial: `${vin}-BCM`, hardwareId: 'BCM-H2', bus: ota.v1.Bus.CAN, softwareVersion: version }],
  }).finish();
  return Buffer.from(signToBytes(PAYLOAD_TYPES.report, payload, key));
}

describe('gateway security over mutual TLS', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
    await t.api.importVehicles([manufacturing(A), manufacturing(B)]);
  });
  afterAll(async () => t?.stop());

  it('refuses a client without a certificate at the TLS handshake', async () => {
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem });
    const outcome = await connectOutcome(client);
    client.end(true);
    expect(outcome.connected).toBe(false);
    expect(t.gateway.metrics.connections).toBe(0);
  });

  it('refuses a certificate from another CA, even one naming a real VIN', async () => {
    const foreign = await createStandaloneCa('Evil Fleet CA');
    const creds = await foreign.issue(A);
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, cert: creds.certPem, key: creds.keyPem });
    const outcome = await connectOutcome(client);
    client.end(true);
    expect(outcome.connected).toBe(false);
  });

  it('refuses a client id that is not the VIN in the certificate (CONNACK 5)', async () => {
    const creds = await t.credentials(A);
    const client = connectRaw(t.mqttUrl, { clientId: B, ca: t.gateway.pki.caCertPem, ...creds });
    const outcome = await connectOutcome(client);
    client.end(true);
    expect(outcome.connected).toBe(false);
    expect(outcome.error).toMatch(/Not authorized/i);
  });

  it('takes the identity from a certificate subject with exactly one CN, and refuses one with none or two', async () => {
    const connectWith = async (subject: string) => {
      const creds = await issueClientCertificateWithSubject(t.gateway.pki, subject);
      const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, cert: creds.certPem, key: creds.keyPem });
      const outcome = await connectOutcome(client);
      client.end(true);
      return outcome;
    };
    // Both pass the TLS handshake (the fleet CA signed them); the broker refuses them at CONNECT.
    const refusedBefore = t.gateway.metrics.refusedConnections;
    for (const subject of [`O=Aster Motors, OU=${A}`, `CN=${A}, CN=${B}`, `CN=${A}, CN=${A}`]) {
      const outcome = await connectWith(subject);
      expect(outcome.connected, subject).toBe(false);
      expect(outcome.error, subject).toMatch(/Not authorized/i);
    }
    expect(t.gateway.metrics.refusedConnections - refusedBefore).toBe(3);
    const named = await connectWith(`O=Aster Motors, OU=Vehicles, CN=${A}`);
    expect(named.connected).toBe(true);
  });

  it('refuses subscriptions to another vehicle or to wildcards', async () => {
    const creds = await t.credentials(A);
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    for (const topic of [vehicleTopic(B, 'update'), 'ota/v1/+/update', `ota/v1/${A}/#`, '#', vehicleTopic(A, 'report')]) {
      // SUBACK 0x80 for the topic; mqtt.js turns it into an error.
      await expect(client.subscribeAsync(topic, { qos: 1 }), topic).rejects.toThrow(/Subscribe error/);
    }
    expect(t.gateway.metrics.refusedSubscriptions).toBe(5);
    const granted = await client.subscribeAsync(vehicleTopic(A, 'update'), { qos: 1 });
    expect(granted.map((g) => g.qos)).toEqual([1]);
    await client.endAsync();
  });

  it('drops a vehicle that publishes on another VIN\'s topic; the other vehicle is unaffected', async () => {
    const [credsA, credsB] = await Promise.all([t.credentials(A), t.credentials(B)]);
    const b = connectRaw(t.mqttUrl, { clientId: B, ca: t.gateway.pki.caCertPem, ...credsB });
    expect((await connectOutcome(b)).connected).toBe(true);
    const a = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...credsA });
    expect((await connectOutcome(a)).connected).toBe(true);

    const closed = new Promise<void>((resolve) => a.once('close', () => resolve()));
    a.publish(vehicleTopic(B, 'report'), report(B, '9.9.9', 1), { qos: 1 });
    await closed;
    expect(t.gateway.metrics.refusedPublishes).toBeGreaterThanOrEqual(1);
    // B's record was not touched by A's forged report...
    expect((await t.api.getVehicle(B)).ecus[0]!.softwareVersion).toBe('1.4.2');
    // ...and B itself still talks to the gateway.
    expect(b.connected).toBe(true);
    await b.publishAsync(vehicleTopic(B, 'report'), report(B, '1.4.3', 2), { qos: 1 });
    await until(async () => (await t.api.getVehicle(B)).ecus[0]!.softwareVersion === '1.4.3', 10_000, 'B report');
    a.end(true);
    await b.endAsync();
  });

  it('drops malformed and oversize messages, answers them on rejected, and stays up', async () => {
    const creds = await t.credentials(A);
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    await client.subscribeAsync(vehicleTopic(A, 'rejected'), { qos: 1 });
    const rejections: ota.v1.Rejection[] = [];
    client.on('message', (_topic, payload) => rejections.push(ota.v1.Rejection.decode(payload)));
    const before = t.gateway.metrics.malformedMessages;

    await client.publishAsync(vehicleTopic(A, 'report'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { qos: 1 });
    await client.publishAsync(vehicleTopic(A, 'result'), Buffer.alloc(64 * 1024, 0x0a), { qos: 1 });
    await until(async () => rejections.length >= 2, 10_000, 'two rejections');
    expect(rejections.map((r) => r.reason).sort()).toEqual(['OTA_ERR_MALFORMED', 'OTA_ERR_OVERSIZE']);
    expect(t.gateway.metrics.malformedMessages - before).toBe(2);

    // Execution ids that are not UUIDs name nothing: refused as unknown, not as a database error.
    await client.publishAsync(vehicleTopic(A, 'chunks/req'), Buffer.from(ota.v1.ChunkRequest.encode({ executionId: "x' OR 1=1", index: 0, count: 1 }).finish()), { qos: 1 });
    await client.publishAsync(
      vehicleTopic(A, 'result'),
      Buffer.from(ota.v1.InstallResult.encode({ executionId: 'not-a-uuid', success: true, code: ota.v1.ResultCode.OK }).finish()),
      { qos: 1 },
    );
    await until(async () => rejections.length >= 4, 10_000, 'two more rejections');
    expect(rejections.slice(2).map((r) => [r.reason, r.executionId])).toEqual([
      ['OTA_ERR_EXECUTION_NOT_FOUND', "x' OR 1=1"],
      ['OTA_ERR_EXECUTION_NOT_FOUND', 'not-a-uuid'],
    ]);

    // Still connected, still served: a valid report right after is applied.
    await client.publishAsync(vehicleTopic(A, 'report'), report(A, '1.4.4', 3), { qos: 1 });
    await until(async () => (await t.api.getVehicle(A)).ecus[0]!.softwareVersion === '1.4.4', 10_000, 'A report');
    await client.endAsync();
  });

  it('refuses unsigned, wrongly signed and replayed version reports, and applies none of them', async () => {
    const creds = await t.credentials(B);
    const client = connectRaw(t.mqttUrl, { clientId: B, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    await client.subscribeAsync(vehicleTopic(B, 'rejected'), { qos: 1 });
    const rejections: string[] = [];
    client.on('message', (_topic, payload) => rejections.push(ota.v1.Rejection.decode(payload).reason));
    const version = async () => (await t.api.getVehicle(B)).ecus[0]!.softwareVersion;
    const before = await version();

    const unsigned = ota.v1.VersionReport.encode({ vin: B, reportCounter: 100, ecus: [{ serial: `${B}-BCM`, softwareVersion: '6.6.6' }] }).finish();
    await client.publishAsync(vehicleTopic(B, 'report'), Buffer.from(signToBytes('ota.v1.Other', unsigned, reportKeys.get(B)!)), { qos: 1 });
    await client.publishAsync(vehicleTopic(B, 'report'), report(B, '6.6.6', 101, generateKeyPairSync('ed25519').privateKey), { qos: 1 });
    // A's key, B's report: a vehicle cannot speak for another even with a valid signature of its own.
    await client.publishAsync(vehicleTopic(B, 'report'), report(B, '6.6.6', 102, reportKeys.get(A)!), { qos: 1 });
    // Counter 2 was accepted earlier in this suite: an old report sent again is a replay.
    await client.publishAsync(vehicleTopic(B, 'report'), report(B, '6.6.6', 2), { qos: 1 });
    await until(async () => rejections.length >= 4, 10_000, 'four rejections');
    expect(rejections).toEqual(['OTA_ERR_REPORT_UNSIGNED', 'OTA_ERR_REPORT_SIGNATURE', 'OTA_ERR_REPORT_SIGNATURE', 'OTA_ERR_REPORT_REPLAY']);
    expect(await version()).toBe(before);
    // The real vehicle's next report, counter above the last accepted, still goes through.
    await client.publishAsync(vehicleTopic(B, 'report'), report(B, '1.4.5', 103), { qos: 1 });
    await until(async () => (await version()) === '1.4.5', 10_000, 'B report');
    await client.endAsync();
  });

  it('closes a connection whose packet header announces more than the packet limit, before the body', async () => {
    const creds = await t.credentials(A);
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(vehicleTopic(A, 'report'), Buffer.alloc(3 * 1024 * 1024, 1), { qos: 0 });
    await closed;
    expect(t.gateway.metrics.oversizePackets).toBe(1);
    client.end(true);
    // The gateway keeps serving others.
    const again = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(again)).connected).toBe(true);
    await again.endAsync();
  });

  it('applies a replaced report key at once, to a vehicle that stays connected', async () => {
    const creds = await t.credentials(A);
    const client = connectRaw(t.mqttUrl, { clientId: A, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    await client.subscribeAsync(vehicleTopic(A, 'rejected'), { qos: 1 });
    const rejections: string[] = [];
    client.on('message', (_topic, payload) => rejections.push(ota.v1.Rejection.decode(payload).reason));
    const version = async () => (await t.api.getVehicle(A)).ecus[0]!.softwareVersion;
    const replaceKey = async (key: KeyObject) => {
      const res = await fetch(`${t.httpUrl}/v1/vehicles/${A}/certificate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reportPublicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }) }),
      });
      expect(res.status).toBe(201);
    };
    // The gateway has known the key since the vehicle connected.
    await client.publishAsync(vehicleTopic(A, 'report'), report(A, '1.4.6', 200), { qos: 1 });
    await until(async () => (await version()) === '1.4.6', 10_000, 'A report');

    // Replaced (an ECU swap, a compromised key): a report signed with the old key is refused, not stored.
    const second = generateKeyPairSync('ed25519').privateKey;
    await replaceKey(second);
    await client.publishAsync(vehicleTopic(A, 'report'), report(A, '6.6.6', 201), { qos: 1 });
    await until(async () => rejections.length >= 1, 10_000, 'the rejection');
    expect(rejections).toEqual(['OTA_ERR_REPORT_SIGNATURE']);
    expect(await version()).toBe('1.4.6');

    // Replaced again: the new key counts at once, without a reconnect.
    const third = generateKeyPairSync('ed25519').privateKey;
    await replaceKey(third);
    await client.publishAsync(vehicleTopic(A, 'report'), report(A, '1.4.7', 202, third), { qos: 1 });
    await until(async () => (await version()) === '1.4.7', 10_000, 'A report with the new key');
    expect(rejections).toHaveLength(1);
    reportKeys.set(A, third);
    await client.endAsync();
  });

  it('sends straight to a vehicle only on its latest session here, and tells when it is not connected', async () => {
    const creds = await t.credentials(B);
    const session = async () => {
      const client = connectRaw(t.mqttUrl, { clientId: B, ca: t.gateway.pki.caCertPem, ...creds });
      expect((await connectOutcome(client)).connected).toBe(true);
      await client.subscribeAsync(vehicleTopic(B, 'chunks/data'), { qos: 0 });
      const got: string[] = [];
      client.on('message', (_topic, payload) => got.push(payload.toString()));
      return { client, got };
    };
    const first = await session();
    expect(await t.gateway.mqtt.sendDirect(B, 'chunks/data', Buffer.from('one'))).toBe(true);
    await until(async () => first.got.length === 1, 5_000, 'the first direct message');
    expect(await t.gateway.mqtt.sendDirect(A, 'chunks/data', Buffer.from('nobody'))).toBe(false);

    // The same VIN again takes the session over; what follows goes to the new connection only.
    const second = await session();
    await until(async () => first.client.disconnected || !first.client.connected, 5_000, 'the old session to close');
    expect(await t.gateway.mqtt.sendDirect(B, 'chunks/data', Buffer.from('two'))).toBe(true);
    await until(async () => second.got.length === 1, 5_000, 'the second direct message');
    expect(second.got).toEqual(['two']);
    expect(first.got).toEqual(['one']);

    await second.client.endAsync();
    await until(async () => !(await t.gateway.mqtt.sendDirect(B, 'chunks/data', Buffer.from('gone'))), 5_000, 'the vehicle to be gone');
  });

  it('writes offers, cancels and refusals straight to a vehicle connected here, at QoS 1, and routes the rest', async () => {
    const creds = await t.credentials(B);
    const client = connectRaw(t.mqttUrl, { clientId: B, ca: t.gateway.pki.caCertPem, ...creds });
    expect((await connectOutcome(client)).connected).toBe(true);
    await client.subscribeAsync(vehicleTopic(B, 'cancel'), { qos: 1 });
    const got: { payload: string; qos: number }[] = [];
    client.on('message', (_topic, payload, packet) => got.push({ payload: payload.toString(), qos: packet.qos }));
    const { downlinksDirect, downlinksRouted } = t.gateway.metrics;
    await t.gateway.mqtt.send(B, 'cancel', Buffer.from('here'), 1);
    await until(async () => got.length === 1, 5_000, 'the direct downlink');
    expect(got).toEqual([{ payload: 'here', qos: 1 }]);
    // A vehicle that is not connected here: through the emitter (clustered, to the gateway that has it).
    await t.gateway.mqtt.send(A, 'cancel', Buffer.from('elsewhere'), 1);
    expect(t.gateway.metrics.downlinksDirect - downlinksDirect).toBe(1);
    expect(t.gateway.metrics.downlinksRouted - downlinksRouted).toBe(1);
    await client.endAsync();
  });
});
