import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FleetPki {
  dir: string;
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
}

export interface Credentials {
  certPem: string;
  keyPem: string;
}

interface CaMaterial {
  cert: x509.X509Certificate;
  key: CryptoKey;
}

// Importing the CA key costs more than signing with it: keep it per PKI folder for the process's life.
const caCache = new Map<string, Promise<CaMaterial>>();

/**
 * The fleet's certificate authority and the gateway's server certificate, created on first use under `dir`
 * and reused afterwards, so vehicles provisioned by an earlier run still connect. ECDSA P-256 throughout.
 */
export async function ensureFleetPki(dir: string, opts: { serverHosts?: string[]; caName?: string } = {}): Promise<FleetPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const caCertPath = join(dir, 'ca.cert.pem');
  const caKeyPath = join(dir, 'ca.key.pem');
  let caCertPem = await readIfExists(caCertPath);
  if (!caCertPem) {
    const { cert, keys } = await createCa(opts.caName ?? 'OTA Fleet Root CA', 3650);
    await writeFile(caKeyPath, await keyPem(keys.privateKey), { mode: 0o600 });
    caCertPem = cert.toString('pem');
    await writeFile(caCertPath, caCertPem);
  }
  const serverCertPath = join(dir, 'server.cert.pem');
  const serverKeyPath = join(dir, 'server.key.pem');
  let serverCertPem = await readIfExists(serverCertPath);
  let serverKeyPem = await readIfExists(serverKeyPath);
  const hosts = ['localhost', '127.0.0.1', '::1', ...(opts.serverHosts ?? [])];
  if (!serverCertPem || !serverKeyPem || !coversHosts(serverCertPem, hosts)) {
    const ca = await loadCa(dir);
    const issued = await issueLeaf(ca, 'CN=ota-gateway', x509.ExtendedKeyUsage.serverAuth, [
      new x509.SubjectAlternativeNameExtension(hosts.map((h) => ({ type: isIP(h) ? 'ip' : 'dns', value: h }) as const)),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ]);
    serverKeyPem = issued.keyPem;
    serverCertPem = issued.certPem;
    await writeFile(serverKeyPath, serverKeyPem, { mode: 0o600 });
    await writeFile(serverCertPath, serverCertPem);
  }
  return { dir, caCertPem, serverCertPem, serverKeyPem };
}

/** A client certificate whose CN is the VIN: the vehicle's identity on the broker. */
export async function issueVehicleCredentials(pki: FleetPki, vin: string): Promise<Credentials> {
  return issueClientCert(await loadCa(pki.dir), vin);
}

/** A certificate signing request the fleet CA will not sign; the message says why, for the caller. */
export class CsrRefused extends Error {}

/**
 * A client certificate (CN = VIN) for the key of a PKCS#10 request: the vehicle (its HSM, or the line's
 * tooling) keeps the private key, and only the public half travels. The request must be signed by that
 * key (proof of possession), carry an ECDSA P-256 key (what the fleet's TLS uses), and name this VIN if it
 * names a CN at all. The certificate's subject is ours, CN = VIN: nothing else of the request's is copied.
 */
export async function issueVehicleCertificateFromCsr(pki: FleetPki, vin: string, csrPem: string): Promise<{ certPem: string }> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch (err) {
    throw new CsrRefused(`csr is not a PEM certificate signing request (${(err as Error).message})`);
  }
  const algorithm = csr.publicKey.algorithm as EcKeyAlgorithm;
  if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
    throw new CsrRefused(`csr's key is ${algorithm.name}${algorithm.namedCurve ? ` ${algorithm.namedCurve}` : ''}, not ECDSA P-256 (what vehicle certificates use)`);
  }
  let signed = false;
  try {
    signed = await csr.verify();
  } catch {
    // an unverifiable signature is a bad one
  }
  if (!signed) throw new CsrRefused("csr's signature does not verify with its own key: no proof that the requester holds the private key");
  const names = csr.subjectName.getField('CN');
  if (names.length > 1 || (names.length === 1 && names[0] !== vin)) throw new CsrRefused(`csr names CN=${names.join(', CN=')}, not the vehicle ${vin}`);
  const publicKey = await csr.publicKey.export(ALG, ['verify']);
  return { certPem: await signLeaf(await loadCa(pki.dir), `CN=${vin}`, x509.ExtendedKeyUsage.clientAuth, [], publicKey) };
}

/**
 * A client certificate from the fleet CA with this exact subject (a distinguished name such as
 * `O=Fleet, CN=...`): for tests of certificates that name no vehicle, or two.
 */
export async function issueClientCertificateWithSubject(pki: FleetPki, subject: string): Promise<Credentials> {
  return issueLeaf(await loadCa(pki.dir), subject, x509.ExtendedKeyUsage.clientAuth, []);
}

/** Per-vehicle credentials under `dir/vehicles/`, issued once and reused. */
export async function ensureVehicleCredentials(
  pki: FleetPki,
  vins: readonly string[],
): Promise<Map<string, Credentials>> {
  const dir = join(pki.dir, 'vehicles');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const out = new Map<string, Credentials>();
  for (const vin of vins) {
    const certPath = join(dir, `${vin}.cert.pem`);
    const keyPath = join(dir, `${vin}.key.pem`);
    const [certPem, keyPemText] = await Promise.all([readIfExists(certPath), readIfExists(keyPath)]);
    if (certPem && keyPemText) {
      out.set(vin, { certPem, keyPem: keyPemText });
      continue;
    }
    const creds = await issueVehicleCredentials(pki, vin);
    await writeFile(keyPath, creds.keyPem, { mode: 0o600 });
    await writeFile(certPath, creds.certPem);
    out.set(vin, creds);
  }
  return out;
}

/** An unrelated CA in memory, for tests: the gateway must refuse everything it signs. */
export async function createStandaloneCa(name: string): Promise<{
  caCertPem: string;
  issue(cn: string): Promise<Credentials>;
}> {
  const { cert, keys } = await createCa(name, 30);
  const ca = { cert, key: keys.privateKey };
  return { caCertPem: cert.toString('pem'), issue: (cn) => issueClientCert(ca, cn) };
}

/** A self-signed CA certificate that may sign end-entity certificates only (path length 0). */
async function createCa(name: string, days: number): Promise<{ cert: x509.X509Certificate; keys: CryptoKeyPair }> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}`,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + days * DAY_MS),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

function issueClientCert(ca: CaMaterial, cn: string): Promise<Credentials> {
  return issueLeaf(ca, `CN=${cn}`, x509.ExtendedKeyUsage.clientAuth, []);
}

/** An end-entity certificate and its new key pair from `ca` for `subject`. */
async function issueLeaf(ca: CaMaterial, subject: string, usage: string, extra: x509.Extension[]): Promise<Credentials> {
  const keys = await generateKeys();
  return { certPem: await signLeaf(ca, subject, usage, extra, keys.publicKey), keyPem: await keyPem(keys.privateKey) };
}

/** An end-entity certificate from `ca` for `subject` and `publicKey`, valid two years, for one extended key usage. */
async function signLeaf(ca: CaMaterial, subject: string, usage: string, extra: x509.Extension[], publicKey: CryptoKey): Promise<string> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: ca.cert.subject,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + 730 * DAY_MS),
    publicKey,
    signingKey: ca.key,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([usage]),
      ...extra,
    ],
  });
  return cert.toString('pem');
}

function loadCa(dir: string): Promise<CaMaterial> {
  let ca = caCache.get(dir);
  if (!ca) {
    ca = (async () => {
      const cert = new x509.X509Certificate(await readFile(join(dir, 'ca.cert.pem'), 'utf8'));
      const der = x509.PemConverter.decodeFirst(await readFile(join(dir, 'ca.key.pem'), 'utf8'));
      const key = await webcrypto.subtle.importKey('pkcs8', der, ALG, false, ['sign']);
      return { cert, key: key as CryptoKey };
    })();
    ca.catch(() => caCache.delete(dir));
    caCache.set(dir, ca);
  }
  return ca;
}

function coversHosts(certPem: string, hosts: readonly string[]): boolean {
  const san = new x509.X509Certificate(certPem).getExtension(x509.SubjectAlternativeNameExtension);
  const names = new Set(san?.names.items.map((n) => n.value) ?? []);
  return hosts.every((h) => names.has(h));
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

function serial(): string {
  // Positive 16-byte serial (RFC 5280 4.1.2.2): top bit clear.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}


/** The serial number of a certificate, lowercase hex: what a revocation names. */
export function serialOf(certPem: string): string {
  return new x509.X509Certificate(certPem).serialNumber.toLowerCase();
}

/**
 * A certificate revocation list signed by the fleet CA. TLS refuses a revoked client certificate during
 * the handshake once the server's secure context carries it. Always valid for a day: the gateways rebuild
 * it whenever a revocation lands, and at least every refresh.
 */
export async function buildCrl(pki: FleetPki, revoked: readonly { serial: string; revokedAt: Date }[]): Promise<string> {
  const ca = await loadCa(pki.dir);
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + DAY_MS),
    entries: revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.revokedAt })),
    signingKey: ca.key,
    signingAlgorithm: ALG,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(ca.cert)],
  });
  // OpenSSL (and so node:tls) reads only the "X509 CRL" PEM label.
  return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
}
