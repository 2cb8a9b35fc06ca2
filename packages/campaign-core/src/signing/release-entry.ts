import { PAYLOAD_TYPES, ota, u64, verifyForRole, type TrustedRoot } from '@ota/proto';
import type { SoftwareUpdate } from '../domain/types.js';

/** Offline-signed release entries live this long by default (Uptane image-repository targets: months). */
export const RELEASE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The release entry of an update with an uploaded image: what the release engineer signs, offline, with the
 * release key (digest, length, hardware ids, release counter, chunk-hash list).
 */
export function releaseEntryPayload(update: SoftwareUpdate, expiresAtMs: number): Uint8Array {
  if (!update.image) throw new Error(`update ${update.id} has no image`);
  return ota.v1.ReleaseEntry.encode({
    name: update.name,
    version: update.version,
    ecuModule: update.module,
    hardwareIds: [...update.hardwareIds],
    releaseCounter: update.releaseCounter,
    imageSize: update.image.size,
    imageSha256: update.image.sha256,
    chunkSize: update.image.chunkSize,
    chunkSha256: update.image.chunkHashes,
    expiresAtMs,
  }).finish();
}

export type ReleaseCheck = { ok: true; entry: ota.v1.ReleaseEntry } | { ok: false; message: string };

/**
 * Whether a signed release entry may be stored for this update: signed by the current root's release role,
 * unexpired, and describing exactly the image the gateway holds. A vehicle checks the same and more.
 */
export function checkReleaseEnvelope(update: SoftwareUpdate, envelopeBytes: Uint8Array, root: TrustedRoot, now: number): ReleaseCheck {
  if (!update.image) return { ok: false, message: 'the update has no image' };
  let entry: ota.v1.ReleaseEntry;
  try {
    const envelope = ota.v1.Signed.decode(envelopeBytes);
    const verdict = verifyForRole(root, 'release', envelope, PAYLOAD_TYPES.release);
    if (!verdict.ok) return { ok: false, message: `not signed by the release role of root ${root.version}: ${verdict.reason}` };
    entry = ota.v1.ReleaseEntry.decode(verdict.payload);
  } catch (err) {
    return { ok: false, message: `undecodable release entry: ${(err as Error).message}` };
  }
  const expires = u64(entry.expiresAtMs);
  if (expires !== 0 && expires <= now) return { ok: false, message: 'the release entry has expired' };
  const image = update.image;
  const same =
    entry.version === update.version &&
    entry.ecuModule === update.module &&
    entry.releaseCounter === update.releaseCounter &&
    u64(entry.imageSize) === image.size &&
    Buffer.from(entry.imageSha256).equals(image.sha256) &&
    entry.chunkSize === image.chunkSize &&
    entry.chunkSha256.length === image.chunkHashes.length &&
    entry.chunkSha256.every((h, i) => Buffer.from(h).equals(image.chunkHashes[i]!)) &&
    [...entry.hardwareIds].sort().join('\n') === [...update.hardwareIds].sort().join('\n');
  if (!same) return { ok: false, message: 'the release entry does not describe this update and its image' };
  return { ok: true, entry };
}
