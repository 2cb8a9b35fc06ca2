import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFleet } from '@ota/vehicle-sim';
import { connectOutcome, connectRaw, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

describe('provisioning and revocation, end to end', () => {
  let t: TestGateway;
  afterAll(async () => t?.stop());

  it('issues a vehicle certificate through the API; revoking it closes the live connection and refuses the next handshake', async () => {
    t = await startTestGateway();
    const [vehicle, other] = generateFleet({ count: 2, seed: 71 });
    await t.api.importVehicles([vehicle!, other!]);
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    const post = (path: string, body?: object) =>
      fetch(`${t.httpUrl}${path}`, { method: 'POST', headers, ...(body ? { body: JSON.stringify(body) } : { body: '{}' }) });

    const issued = await post(`/v1/vehicles/${vehicle!.vin}/certificate`);
    expect(issued.status).toBe(201);
    const creds = (await issued.json()) as { certPem: string; keyPem: string; caCertPem: string };
    expect(creds.caCertPem).toBe(t.gateway.pki.caCertPem);
    const unknown = await post('/v1/vehicles/11111111111111111/certificate');
    expect(unknown.status).toBe(404);

    const client = connectRaw(t.mqttUrl, { clientId: vehicle!.vin, ca: creds.caCertPem, cert: creds.certPem, key: creds.keyPem });
    expect((await connectOutcome(client)).connected).toBe(true);
    const otherCreds = await t.credentials(other!.vin);
    const bystander = connectRaw(t.mqttUrl, { clientId: other!.vin, ca: t.gateway.pki.caCertPem, cert: otherCreds.cert, key: otherCreds.key });
    expect((await connectOutcome(bystander)).connected).toBe(true);

    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const revoked = await post(`/v1/vehicles/${vehicle!.vin}/revoke`, { reason: 'stolen key' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revoked: string[] }).revoked).toHaveLength(1);
    await closed; // dropped at once
    client.end(true);

    const [refusedBefore, acceptedBefore] = [t.gateway.metrics.refusedConnections, t.gateway.metrics.connections];
    const again = connectRaw(t.mqttUrl, { clientId: vehicle!.vin, ca: creds.caCertPem, cert: creds.certPem, key: creds.keyPem });
    const outcome = await connectOutcome(again);
    again.end(true);
    expect(outcome.connected).toBe(false);
    // Refused in the TLS handshake (the CRL names the certificate), before MQTT said a word.
    await until(async () => t.gateway.metrics.refusedConnections === refusedBefore + 1, 5000, 'the TLS refusal');
    expect(t.gateway.metrics.connections).toBe(acceptedBefore);

    // Others are unaffected, and a fresh certificate for the same vehicle works.
    expect(bystander.connected).toBe(true);
    const reissued = (await (await post(`/v1/vehicles/${vehicle!.vin}/certificate`)).json()) as { certPem: string; keyPem: string };
    const back = connectRaw(t.mqttUrl, { clientId: vehicle!.vin, ca: t.gateway.pki.caCertPem, cert: reissued.certPem, key: reissued.keyPem });
    expect((await connectOutcome(back)).connected).toBe(true);
    await until(async () => (await t.api.getVehicle(vehicle!.vin)).connected, 5000, 'presence');
    await back.endAsync();
    await bystander.endAsync();

    const audit = await fetch(`${t.httpUrl}/v1/audit?vin=${vehicle!.vin}`, { headers }).then((r) => r.json() as Promise<{ entries: { action: string; reason: string | null }[] }>);
    expect(audit.entries.map((e) => e.action)).toEqual(['vehicles.import', 'vehicle.certificate-issue', 'vehicle.certificate-revoke', 'vehicle.certificate-issue']);
  });

  it('registers the vehicle\'s report key at provisioning and hands out root 1 as its trust anchor', async () => {
    const [vehicle] = generateFleet({ count: 1, seed: 72 });
    await t.api.importVehicles([{ ...vehicle!, reportPublicKey: undefined }]);
    const post = (body: object) =>
      fetch(`${t.httpUrl}/v1/vehicles/${vehicle!.vin}/certificate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Not an ed25519 public key: refused, and nothing registered.
    const bad = await post({ reportPublicKey: createPublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey).export({ type: 'spki', format: 'pem' }) });
    expect(bad.status).toBe(400);
    const pem = createPublicKey(generateKeyPairSync('ed25519').privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const issued = await post({ reportPublicKey: pem });
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as { rootPb: string };
    expect(Buffer.from(body.rootPb, 'base64').equals(t.trust.root1)).toBe(true);
    const registered = (await (await fetch(`${t.httpUrl}/v1/vehicles/${vehicle!.vin}`, { headers: { authorization: `Bearer ${t.token}` } })).json()) as { reportPublicKey?: string };
    expect(registered.reportPublicKey).toBe(pem);
  });
});
