import { spawnSync } from 'node:child_process';
import { X509Certificate, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFleet } from '@ota/vehicle-sim';
import { connectOutcome, connectRaw, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

/** A key pair and a PKCS#10 request for it, made by openssl as a line's tooling would: PEM texts. */
function opensslCsr(dir: string, name: string, subject: string, keyArgs: string[]): { csr: string; key: string } {
  const keyPath = join(dir, `${name}.key.pem`);
  const csrPath = join(dir, `${name}.csr.pem`);
  const run = spawnSync('openssl', ['req', '-new', '-nodes', ...keyArgs, '-keyout', keyPath, '-subj', subject, '-out', csrPath], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl req: ${run.stderr}`);
  return { csr: readFileSync(csrPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}

const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

describe('provisioning and revocation, end to end', () => {
  let t: TestGateway;
  const dir = mkdtempSync(join(tmpdir(), 'ota-csr-'));
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

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

  it('refuses a revoked certificate that comes back by resuming its TLS session', async () => {
    const [vehicle] = generateFleet({ count: 1, seed: 73 });
    await t.api.importVehicles([vehicle!]);
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    const issued = await fetch(`${t.httpUrl}/v1/vehicles/${vehicle!.vin}/certificate`, { method: 'POST', headers, body: '{}' });
    const { certPem: cert, keyPem: key } = (await issued.json()) as { certPem: string; keyPem: string };
    const creds = { cert, key };
    const port = Number(new URL(t.mqttUrl).port);
    const open = (session?: Buffer) =>
      new Promise<{ resumed: boolean; closedByServer: Promise<void>; session: Promise<Buffer>; end: () => void }>((resolve, reject) => {
        const socket = tlsConnect({ host: '127.0.0.1', port, ca: t.gateway.pki.caCertPem, ...creds, servername: 'localhost', ...(session ? { session } : {}) });
        const ticket = new Promise<Buffer>((got) => socket.once('session', got));
        const closed = new Promise<void>((done) => socket.once('close', () => done()));
        socket.once('secureConnect', () => resolve({ resumed: socket.isSessionReused(), closedByServer: closed, session: ticket, end: () => socket.destroy() }));
        socket.once('error', reject);
      });
    const first = await open();
    const ticket = await first.session; // TLS 1.3: a session ticket, sent after the handshake
    first.end();
    // Vehicles may resume: with the ticket, the next connection skips the full handshake.
    const resumed = await open(ticket);
    expect(resumed.resumed).toBe(true);
    resumed.end();

    const revoked = await fetch(`${t.httpUrl}/v1/vehicles/${vehicle!.vin}/revoke`, { method: 'POST', headers, body: JSON.stringify({ reason: 'lost' }) });
    expect(revoked.status).toBe(200);
    const refusedBefore = t.gateway.metrics.refusedConnections;
    // A resumed session would skip the certificate checks, the CRL among them. The CRL comes with a new TLS
    // context whose tickets are new: the old ticket does not resume, and the full handshake is refused.
    const again = await open(ticket).catch(() => null);
    expect(again?.resumed ?? false).toBe(false);
    await again?.closedByServer;
    await until(async () => t.gateway.metrics.refusedConnections === refusedBefore + 1, 5000, 'the TLS refusal');
  });

  it('issues a certificate for the key of a vehicle\'s own signing request: the private key never leaves it', async () => {
    const [vehicle, other] = generateFleet({ count: 2, seed: 74 });
    await t.api.importVehicles([{ ...vehicle!, reportPublicKey: undefined }, other!]);
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    const provision = (vin: string, body: object) => fetch(`${t.httpUrl}/v1/vehicles/${vin}/certificate`, { method: 'POST', headers, body: JSON.stringify(body) });
    const refusal = async (res: Response) => ({ status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message });

    const own = opensslCsr(dir, 'own', `/O=Line 4/CN=${vehicle!.vin}`, P256);
    const issued = await provision(vehicle!.vin, { csr: own.csr });
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as { certPem: string; keyPem?: string; caCertPem: string; rootPb: string };
    expect(body.keyPem).toBeUndefined();
    const cert = new X509Certificate(body.certPem);
    expect(cert.subject).toBe(`CN=${vehicle!.vin}`); // ours: nothing else of the request is copied
    expect(cert.checkIssued(new X509Certificate(t.gateway.pki.caCertPem))).toBe(true);
    expect(cert.publicKey.export({ type: 'spki', format: 'der' }).equals(createPublicKey(own.key).export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(Buffer.from(body.rootPb, 'base64').equals(t.trust.root1)).toBe(true);
    // The vehicle connects with the key it kept and the certificate it was given.
    const client = connectRaw(t.mqttUrl, { clientId: vehicle!.vin, ca: body.caCertPem, cert: body.certPem, key: own.key });
    expect((await connectOutcome(client)).connected).toBe(true);
    await client.endAsync();

    // A request for another vehicle, with an RSA key, signed by another key, or not a request at all:
    // refused with the reason, and nothing issued or registered (not even a valid report key sent along).
    const auditBefore = (await fetch(`${t.httpUrl}/v1/audit?vin=${other!.vin}`, { headers }).then((r) => r.json() as Promise<{ entries: unknown[] }>)).entries.length;
    const wrongVin = await provision(other!.vin, { csr: own.csr });
    expect(await refusal(wrongVin)).toEqual({ status: 400, message: `csr names CN=${vehicle!.vin}, not the vehicle ${other!.vin}` });
    const rsa = opensslCsr(dir, 'rsa', `/CN=${other!.vin}`, ['-newkey', 'rsa:2048']);
    expect(await refusal(await provision(other!.vin, { csr: rsa.csr }))).toEqual({ status: 400, message: "csr's key is RSASSA-PKCS1-v1_5, not ECDSA P-256 (what vehicle certificates use)" });
    const p384 = opensslCsr(dir, 'p384', `/CN=${other!.vin}`, ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
    expect(await refusal(await provision(other!.vin, { csr: p384.csr }))).toEqual({ status: 400, message: "csr's key is ECDSA P-384, not ECDSA P-256 (what vehicle certificates use)" });
    // The same request with its signature's last byte changed: no proof of possession.
    const mine = opensslCsr(dir, 'other', `/CN=${other!.vin}`, P256);
    const der = Buffer.from(mine.csr.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 1]! ^= 0x01;
    const forged = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE REQUEST-----\n`;
    const reportKey = createPublicKey(generateKeyPairSync('ed25519').privateKey).export({ type: 'spki', format: 'pem' }).toString();
    expect(await refusal(await provision(other!.vin, { csr: forged, reportPublicKey: reportKey }))).toEqual({
      status: 400,
      message: "csr's signature does not verify with its own key: no proof that the requester holds the private key",
    });
    const garbage = await refusal(await provision(other!.vin, { csr: 'not a request' }));
    expect(garbage.status).toBe(400);
    expect(garbage.message).toMatch(/^csr is not a PEM certificate signing request/);
    const registered = (await (await fetch(`${t.httpUrl}/v1/vehicles/${other!.vin}`, { headers })).json()) as { reportPublicKey?: string };
    expect(registered.reportPublicKey).not.toBe(reportKey);
    const auditAfter = (await fetch(`${t.httpUrl}/v1/audit?vin=${other!.vin}`, { headers }).then((r) => r.json() as Promise<{ entries: unknown[] }>)).entries.length;
    expect(auditAfter).toBe(auditBefore);
    // A vehicle the line never imported: 404 before anything is signed.
    expect((await provision('11111111111111111', { csr: mine.csr })).status).toBe(404);

    // Its own request, then: issued, and revocable like any other.
    const good = await provision(other!.vin, { csr: mine.csr, reportPublicKey: reportKey });
    expect(good.status).toBe(201);
    const revoked = await fetch(`${t.httpUrl}/v1/vehicles/${other!.vin}/revoke`, { method: 'POST', headers, body: JSON.stringify({ reason: 'end of line test' }) });
    expect(((await revoked.json()) as { revoked: string[] }).revoked).toContain(new X509Certificate(((await good.json()) as { certPem: string }).certPem).serialNumber.toLowerCase());
  });
});
