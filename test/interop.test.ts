import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectorKeys, ManifestSigner, type TrustRepo } from '@ota/campaign-core';
import { firstRootEnvelope, signReleaseEntry } from '@ota/gateway';
import { PAYLOAD_TYPES, anchorRoot, isRootRefusal, ota, signToBytes } from '@ota/proto';

const PROTO_DIR = fileURLToPath(new URL('../proto/', import.meta.url));
const VIN = '1M8GDM9AXKP042788';
const key = () => generateKeyPairSync('ed25519');

/**
 * Our bytes, read by the tools everyone else has: openssl for every role's signature (director, release,
 * root, the vehicle's report), protoc for every signed message.
 */
describe('interoperability with standard tools', () => {
  let dir: string;
  const keys = { root: key(), release: key(), director: key(), vehicle: key() };
  const files: Record<string, { payload: Buffer; sig: Buffer; pub: KeyObject }> = {};

  async function keep(name: string, envelope: ota.v1.ISigned, pub: KeyObject): Promise<void> {
    files[name] = { payload: Buffer.from(envelope.payload!), sig: Buffer.from(envelope.signatures![0]!.sig!), pub };
    await writeFile(join(dir, `${name}.payload`), files[name].payload);
    await writeFile(join(dir, `${name}.sig`), files[name].sig);
    await writeFile(join(dir, `${name}.pub.pem`), pub.export({ type: 'spki', format: 'pem' }));
    const tampered = Buffer.from(files[name].payload);
    tampered[tampered.length - 1]! ^= 1;
    await writeFile(join(dir, `${name}.tampered`), tampered);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ota-interop-'));
    const rootBytes = firstRootEnvelope({ root: [keys.root.privateKey], release: [keys.release.privateKey], director: [keys.director.privateKey] });
    const root = anchorRoot(rootBytes);
    if (isRootRefusal(root)) throw new Error(root.description);
    const trust = { newest: async () => root, after: async () => [Buffer.from(rootBytes)] } as unknown as TrustRepo;
    const hashes = [0, 1].map((i) => createHash('sha256').update(`chunk ${i}`).digest());
    const image = { sha256: createHash('sha256').update('image').digest(), size: 1500, chunkSize: 1024, chunkHashes: hashes };
    const entry = ota.v1.ReleaseEntry.encode({
      name: 'bcm 1.5.0',
      version: '1.5.0',
      ecuModule: 'bcm',
      hardwareIds: ['BCM-H2'],
      releaseCounter: 3,
      imageSize: image.size,
      imageSha256: image.sha256,
      chunkSize: image.chunkSize,
      chunkSha256: hashes,
    }).finish();
    const release = signReleaseEntry(entry, keys.release.privateKey);
    const offer = await new ManifestSigner(new DirectorKeys(trust, async () => [keys.director.privateKey]), trust).sign(
      {
        executionId: 'exec-42',
        attempt: 1,
        vin: VIN,
        updateName: 'bcm 1.5.0',
        counter: 1,
        nonce: Buffer.from('0123456789abcdef'),
        vehicleRootVersion: 0,
        targets: [{ ecuModule: 'bcm', ecuSerial: 'BCM-1', hardwareIds: ['BCM-H2'], version: '1.5.0', releaseCounter: 3, installOrder: 0, image, releaseEnvelope: release }],
      },
      new Date('2026-11-22T10:00:00Z'),
    );
    await writeFile(join(dir, 'offer.bin'), offer);
    const decoded = ota.v1.UpdateOffer.decode(offer);
    const report = signToBytes(
      PAYLOAD_TYPES.report,
      ota.v1.VersionReport.encode({ vin: VIN, reportCounter: 7, nonce: Buffer.from('nonce'), ecus: [{ module: 'bcm', serial: 'BCM-1', softwareVersion: '1.4.2' }] }).finish(),
      keys.vehicle.privateKey,
    );
    await keep('manifest', decoded.manifest!, keys.director.publicKey);
    await keep('release', ota.v1.Signed.decode(release), keys.release.publicKey);
    await keep('root', decoded.roots[0]!, keys.root.publicKey);
    await keep('report', ota.v1.Signed.decode(report), keys.vehicle.publicKey);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const verify = (name: string, what: 'payload' | 'tampered') =>
    spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, `${name}.pub.pem`), '-rawin', '-in', join(dir, `${name}.${what}`), '-sigfile', join(dir, `${name}.sig`)], {
      encoding: 'utf8',
    });

  it.each(['manifest', 'release', 'root', 'report'])('openssl pkeyutl verifies the %s signature over the payload bytes, and refuses a changed byte', (name) => {
    const good = verify(name, 'payload');
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('Signature Verified Successfully');
    expect(verify(name, 'tampered').status).not.toBe(0);
  });

  it('protoc --decode reads the offer, the manifest, the release entry, the root and the report from the .proto files', () => {
    const decode = (type: string, input: Buffer) =>
      execFileSync('protoc', [`--decode=${type}`, `-I${PROTO_DIR}`, 'ota/v1/common.proto', 'ota/v1/vehicle.proto', 'ota/v1/update.proto'], { input, encoding: 'utf8' });
    const offer = decode('ota.v1.UpdateOffer', readFileSync(join(dir, 'offer.bin')));
    expect(offer).toContain('payload_type: "ota.v1.UpdateManifest"');
    expect(offer).toContain('payload_type: "ota.v1.RootMetadata"');
    expect(offer).toContain('method: ED25519');
    const manifest = decode('ota.v1.UpdateManifest', files.manifest!.payload);
    expect(manifest).toContain(`vin: "${VIN}"`);
    expect(manifest).toContain('execution_id: "exec-42"');
    expect(manifest).toContain('release_counter: 3');
    expect(manifest).toContain('payload_type: "ota.v1.ReleaseEntry"');
    const release = decode('ota.v1.ReleaseEntry', files.release!.payload);
    expect(release).toContain('chunk_size: 1024');
    expect(release.match(/chunk_sha256:/g)).toHaveLength(2);
    const root = decode('ota.v1.RootMetadata', files.root!.payload);
    expect(root).toContain('version: 1');
    expect(root.match(/key_ids:/g)).toHaveLength(3);
    expect(decode('ota.v1.VersionReport', files.report!.payload)).toContain('report_counter: 7');
  });
});
