import { MAX_CHUNK_SIZE, PAYLOAD_TYPES, ota, u64, verifyForRole, type TrustedRoot } from '@ota/proto';
import type { SignedImage } from './chunk-assembler.js';
import type { EcuRecord } from './fleet-data.js';
import { envelopeRefusalCode } from './offer-check.js';

const C = ota.v1.ResultCode;

/** One director target the vehicle will install, cross-checked against its signed release entry. */
export interface AcceptedTarget<E extends EcuRecord = EcuRecord> {
  target: ota.v1.Target;
  release: ota.v1.ReleaseEntry;
  ecu: E;
  /** What the download and the final check hold the bytes to: sizes and hashes from the release entry. */
  image: SignedImage;
}

export type TargetRefusal = { ok: false; code: ota.v1.ResultCode; description: string };

/** Fields the director's target and the release entry both carry: all must be equal (Uptane). */
const AGREEING_FIELDS = ['ecuModule', 'version', 'releaseCounter', 'imageSize', 'imageSha256', 'chunkSize'] as const;

type Agreeing = string | Uint8Array | Parameters<typeof u64>[0];

function same(a: Agreeing, b: Agreeing): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(b);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return u64(a) === u64(b); // uint64 fields may decode as Long
}

/**
 * Uptane full verification of one target: the release entry (image repository) signed by the release role,
 * unexpired, built for this ECU's hardware, agreeing with the director on everything both state, and not a
 * lower release counter than installed unless the manifest is a signed rollback. Pure.
 */
export function checkTarget<E extends EcuRecord>(
  target: ota.v1.Target,
  ecus: readonly E[],
  root: TrustedRoot,
  opts: { rollback: boolean; now: number },
): { ok: true; accepted: AcceptedTarget<E> } | TargetRefusal {
  const refuse = (code: ota.v1.ResultCode, description: string): TargetRefusal => ({ ok: false, code, description: `${target.ecuSerial}: ${description}` });
  const ecu = ecus.find((e) => e.serial === target.ecuSerial);
  if (!ecu || ecu.module !== target.ecuModule) return refuse(C.ECU_NOT_FOUND, `no ${target.ecuModule} ECU with this serial`);
  if (!target.release) return refuse(C.VERIFICATION_FAILED, 'target carries no release entry');
  // Uptane: image metadata must be signed by a threshold of the keys the root gives the image repository.
  const signed = verifyForRole(root, 'release', target.release, PAYLOAD_TYPES.release);
  if (!signed.ok) return refuse(envelopeRefusalCode(signed.reason), `release entry signature: ${signed.reason}`);
  let release: ota.v1.ReleaseEntry;
  try {
    release = ota.v1.ReleaseEntry.decode(signed.payload);
  } catch (err) {
    return refuse(C.VERIFICATION_FAILED, `undecodable release entry: ${(err as Error).message}`);
  }
  // Uptane freeze attack: expired image metadata is not acted on.
  const expiresAt = u64(release.expiresAtMs);
  if (expiresAt > 0 && expiresAt <= opts.now) return refuse(C.METADATA_EXPIRED, `release entry ${release.name} expired`);
  // Uptane: the hardware id must match in both repositories (mix-and-match, images for other hardware).
  if (!release.hardwareIds.includes(ecu.hardwareId) || !target.hardwareIds.includes(ecu.hardwareId)) {
    return refuse(C.HARDWARE_ID_MISMATCH, `image is not for ${ecu.hardwareId}`);
  }
  // Uptane: the director's target and the image repository's must agree on length, hashes and counter.
  const differing = AGREEING_FIELDS.filter((f) => !same(target[f], release[f]));
  if (differing.length > 0) return refuse(C.TARGETS_DISAGREE, `director and release entry differ on ${differing.join(', ')}`);
  // Uptane rollback attack: the release counter, not the version string, decides; only a signed rollback may go lower.
  const installed = ecu.releaseCounter ?? 0;
  if (release.releaseCounter < installed && !opts.rollback) {
    return refuse(C.ROLLBACK_DETECTED, `release counter ${release.releaseCounter} is below the installed ${installed}`);
  }
  const imageSize = u64(release.imageSize);
  const chunkSize = release.chunkSize;
  if (imageSize <= 0 || chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE) {
    return refuse(C.VERIFICATION_FAILED, `bad sizes: image ${imageSize}, chunk ${chunkSize}`);
  }
  // Uptane endless data: the hash list fixes how many chunks, and so how many bytes, the vehicle takes.
  if (release.chunkSha256.length !== Math.ceil(imageSize / chunkSize) || release.imageSha256.length !== 32) {
    return refuse(C.VERIFICATION_FAILED, 'chunk hash list does not match the image size');
  }
  const image = { imageSize, chunkSize, chunkSha256: release.chunkSha256, imageSha256: release.imageSha256 };
  return { ok: true, accepted: { target, release, ecu, image } };
}
