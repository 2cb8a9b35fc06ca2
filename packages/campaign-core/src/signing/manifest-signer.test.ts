import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PAYLOAD_TYPE, keyIdOf, ota, verifyEnvelope } from '@ota/proto';
import { ManifestSigner } from './manifest-signer.js';

describe('ManifestSigner', () => {
  it('signs the exact manifest bytes, covering image digest, length and every chunk hash', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const hashes = [1, 2, 3].map((n) => createHash('sha256').update(String(n)).digest());
    const image = { sha256: createHash('sha256').update('img').digest(), size: 2500, chunkSize: 1000, chunkHashes: hashes };
    const now = new Date('2026-11-22T10:00:00Z');
    const bytes = new ManifestSigner(privateKey, 60_000).sign(
      { executionId: 'e1', attempt: 1, vin: '1M8GDM9AXKP042788', updateName: 'u', version: '1.5.0', ecuModule: 'bcm', ecuSerial: 'S', hardwareIds: ['H'], image },
      now,
    );
    const envelope = ota.v1.Signed.decode(bytes);
    expect(envelope.signatures[0]!.keyId).toBe(keyIdOf(publicKey));
    const verdict = verifyEnvelope(envelope, MANIFEST_PAYLOAD_TYPE, new Map([[keyIdOf(publicKey), publicKey]]));
    expect(verdict.ok).toBe(true);
    const manifest = ota.v1.UpdateManifest.decode(envelope.payload);
    expect(Number(manifest.expiresAtMs)).toBe(now.getTime() + 60_000);
    expect(Buffer.from(manifest.target!.imageSha256!).equals(image.sha256)).toBe(true);
    expect(manifest.target!.chunkSha256!.map((h) => Buffer.from(h).toString('hex'))).toEqual(hashes.map((h) => h.toString('hex')));

    // Any change to the signed bytes (here: one chunk hash) breaks the signature.
    const forged = Buffer.from(envelope.payload);
    forged[forged.indexOf(hashes[1]!)]! ^= 1;
    const check = verifyEnvelope(ota.v1.Signed.create({ ...envelope, payload: forged }), MANIFEST_PAYLOAD_TYPE, new Map([[keyIdOf(publicKey), publicKey]]));
    expect(check).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
