import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPES, anchorRoot, encodeRoot, isRootRefusal, ota, signToBytes, verifyForRole } from '@ota/proto';
import type { TrustRepo } from '../db/trust-repo.js';
import type { DirectorKeys } from './director-keys.js';
import { ManifestSigner } from './manifest-signer.js';

const key = () => generateKeyPairSync('ed25519');

describe('ManifestSigner', () => {
  it('signs the exact manifest bytes with the director key, carrying the release entry and the roots the vehicle lacks', async () => {
    const [rootKey, releaseKey, directorKey] = [key(), key(), key()];
    const rootBytes = signToBytes(
      PAYLOAD_TYPES.root,
      encodeRoot({ version: 1, expiresAtMs: Date.now() + 1e10, root: [rootKey.publicKey], release: [releaseKey.publicKey], director: [directorKey.publicKey] }),
      rootKey.privateKey,
    );
    const root = anchorRoot(rootBytes);
    if (isRootRefusal(root)) throw new Error(root.description);
    const director = { current: async () => ({ root, privateKey: directorKey.privateKey, keyId: '' }) } as unknown as DirectorKeys;
    const trust = { after: async (v: number) => (v < 1 ? [Buffer.from(rootBytes)] : []) } as unknown as TrustRepo;
    const hashes = [1, 2, 3].map((n) => createHash('sha256').update(String(n)).digest());
    const image = { sha256: createHash('sha256').update('img').digest(), size: 2500, chunkSize: 1000, chunkHashes: hashes };
    const release = signToBytes(PAYLOAD_TYPES.release, ota.v1.ReleaseEntry.encode({ version: '1.5.0', chunkSha256: hashes }).finish(), releaseKey.privateKey);
    const now = new Date('2026-11-22T10:00:00Z');
    const input = {
      executionId: 'e1',
      attempt: 1,
      vin: '1M8GDM9AXKP042788',
      updateName: 'u',
      counter: 7,
      nonce: Buffer.from('nonce'),
      vehicleRootVersion: 0,
      targets: [{ ecuModule: 'bcm', ecuSerial: 'S', hardwareIds: ['H'], version: '1.5.0', releaseCounter: 3, installOrder: 0, image, releaseEnvelope: release }],
      download: { minBytesPerS: 1000 },
    };
    const offer = ota.v1.UpdateOffer.decode(await new ManifestSigner(director, trust, 60_000).sign(input, now));
    expect(offer.roots).toHaveLength(1);
    const verdict = verifyForRole(root, 'director', offer.manifest!, PAYLOAD_TYPES.manifest);
    if (!verdict.ok) throw new Error(verdict.reason);
    const manifest = ota.v1.UpdateManifest.decode(verdict.payload);
    expect(Number(manifest.expiresAtMs)).toBe(now.getTime() + 60_000);
    expect(Number(manifest.counter)).toBe(7);
    expect(Buffer.from(manifest.nonce ?? []).toString()).toBe('nonce');
    expect(manifest.download?.minBytesPerS).toBe(1000);
    expect(manifest.download?.slowGraceMs).toBeGreaterThan(0);
    const target = manifest.targets[0]!;
    expect(target.releaseCounter).toBe(3);
    expect(Buffer.from(target.imageSha256 ?? []).equals(image.sha256)).toBe(true);
    // The release entry travels unchanged: its own signature still verifies for the release role.
    expect(verifyForRole(root, 'release', target.release!, PAYLOAD_TYPES.release).ok).toBe(true);
    // A vehicle already on root 1 gets no roots.
    const again = ota.v1.UpdateOffer.decode(await new ManifestSigner(director, trust).sign({ ...input, vehicleRootVersion: 1 }, now));
    expect(again.roots).toHaveLength(0);

    // Any change to the signed bytes breaks the signature.
    const forged = Buffer.from(offer.manifest!.payload ?? []);
    forged[forged.length - 1]! ^= 1;
    expect(verifyForRole(root, 'director', { ...offer.manifest!, payload: forged }, PAYLOAD_TYPES.manifest)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
