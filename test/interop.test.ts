import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSigner } from '@ota/campaign-core';
import { ota } from '@ota/proto';

const PROTO_DIR = fileURLToPath(new URL('../proto/', import.meta.url));
const VIN = '1M8GDM9AXKP042788';

/** Our bytes, read by the tools everyone else has: openssl for the signature, protoc for the messages. */
describe('interoperability with standard tools', () => {
  let dir: string;
  let envelope: ota.v1.Signed;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ota-interop-'));
    const hashes = [0, 1].map((i) => createHash('sha256').update(`chunk ${i}`).digest());
    const bytes = new ManifestSigner(privateKey).sign(
      {
        executionId: 'exec-42',
        attempt: 1,
        vin: VIN,
        updateName: 'bcm 1.5.0',
        version: '1.5.0',
        ecuModule: 'bcm',
        ecuSerial: 'BCM-1',
        hardwareIds: ['BCM-H2'],
        image: { sha256: createHash('sha256').update('image').digest(), size: 1500, chunkSize: 1024, chunkHashes: hashes },
      },
      new Date('2026-11-22T10:00:00Z'),
    );
    envelope = ota.v1.Signed.decode(bytes);
    await writeFile(join(dir, 'signed.bin'), bytes);
    await writeFile(join(dir, 'payload.bin'), envelope.payload);
    await writeFile(join(dir, 'sig.bin'), envelope.signatures[0]!.sig!);
    await writeFile(join(dir, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const tampered = Buffer.from(envelope.payload);
    tampered[tampered.length - 1]! ^= 1;
    await writeFile(join(dir, 'tampered.bin'), tampered);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const verify = (file: string) =>
    spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', join(dir, file), '-sigfile', join(dir, 'sig.bin')], {
      encoding: 'utf8',
    });

  it('openssl pkeyutl verifies the manifest signature over the payload bytes, and refuses a changed byte', () => {
    const good = verify('payload.bin');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Signature Verified Successfully');
    expect(verify('tampered.bin').status).not.toBe(0);
  });

  it('protoc --decode reads the envelope and the manifest from the .proto files', () => {
    const decode = (type: string, file: string) =>
      execFileSync('protoc', [`--decode=${type}`, `-I${PROTO_DIR}`, 'ota/v1/common.proto', 'ota/v1/update.proto'], {
        input: readFileSync(join(dir, file)),
        encoding: 'utf8',
      });
    const outer = decode('ota.v1.Signed', 'signed.bin');
    expect(outer).toContain('payload_type: "ota.v1.UpdateManifest"');
    expect(outer).toContain('method: ED25519');
    const manifest = decode('ota.v1.UpdateManifest', 'payload.bin');
    expect(manifest).toContain(`vin: "${VIN}"`);
    expect(manifest).toContain('execution_id: "exec-42"');
    expect(manifest).toContain('version: "1.5.0"');
    expect(manifest).toContain('chunk_size: 1024');
    expect(manifest.match(/chunk_sha256:/g)).toHaveLength(2);
  });
});
