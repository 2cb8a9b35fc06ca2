import { createPublicKey, type KeyObject } from 'node:crypto';
import { ImageHasher, RELEASE_TTL_MS } from '@ota/campaign-core';
import { PAYLOAD_TYPES, encodeRoot, ota, signToBytes, u64, type Role, type TrustedRoot } from '@ota/proto';

export const ROOT_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** The public keys a root gives a role. */
function roleKeysOf(root: TrustedRoot, role: Role): KeyObject[] {
  return (root.metadata[role]?.keyIds ?? []).map((id) => root.keys.get(id)).filter((k): k is KeyObject => k !== undefined);
}

export interface RootChange {
  root?: readonly KeyObject[];
  release?: readonly KeyObject[];
  director?: readonly KeyObject[];
  thresholds?: Partial<Record<Role, number>>;
  expiresAtMs?: number;
}

/**
 * Root version N+1 from version N with some roles' keys replaced, signed by the given private keys. For the
 * vehicles to accept it, the signers must include a threshold of N's root keys and of N+1's (Uptane).
 * Public keys only go into the metadata; the private ones are used only to sign, here, offline.
 */
export function nextRootEnvelope(current: TrustedRoot, change: RootChange, signers: readonly KeyObject[]): Uint8Array {
  const thresholds = {
    root: current.metadata.root?.threshold ?? 1,
    release: current.metadata.release?.threshold ?? 1,
    director: current.metadata.director?.threshold ?? 1,
    ...change.thresholds,
  };
  const payload = encodeRoot({
    version: current.version + 1,
    expiresAtMs: change.expiresAtMs ?? Date.now() + ROOT_TTL_MS,
    root: change.root ?? roleKeysOf(current, 'root'),
    release: change.release ?? roleKeysOf(current, 'release'),
    director: change.director ?? roleKeysOf(current, 'director'),
    thresholds,
  });
  return signToBytes(PAYLOAD_TYPES.root, payload, ...signers);
}

/** The first root: every role's keys given, signed by the root keys themselves. */
export function firstRootEnvelope(keys: { root: readonly KeyObject[]; release: readonly KeyObject[]; director: readonly KeyObject[] }, expiresAtMs = Date.now() + ROOT_TTL_MS): Uint8Array {
  const payload = encodeRoot({
    version: 1,
    expiresAtMs,
    root: keys.root.map((k) => createPublicKey(k)),
    release: keys.release.map((k) => createPublicKey(k)),
    director: keys.director.map((k) => createPublicKey(k)),
  });
  return signToBytes(PAYLOAD_TYPES.root, payload, ...keys.root.filter((k) => k.type === 'private'));
}

/**
 * Signs release-entry bytes with the release key, as they are. Release engineers sign with
 * signReleaseEntryFor, which first checks the entry against their own copy of the image.
 */
export function signReleaseEntry(entry: Uint8Array, releaseKey: KeyObject): Uint8Array {
  return signToBytes(PAYLOAD_TYPES.release, entry, releaseKey);
}

/** The release entry the gateway gave does not describe what the release engineer means to release. */
export class ReleaseEntryMismatch extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the release entry does not describe this release: ${problems.join('; ')}`);
    this.name = 'ReleaseEntryMismatch';
  }
}

/** What the release engineer pins beside the image, where they want it checked too. */
export interface ReleaseIntent {
  version?: string;
  /** The same ids in any order. */
  hardwareIds?: readonly string[];
  module?: string;
  /**
   * The anti-rollback counter. An ECU never installs a lower one, so a counter set too high by a gateway
   * would lock the ECU out of every later release.
   */
  releaseCounter?: number;
  /**
   * The latest expiry the engineer accepts, in ms since the epoch: an entry that never expires (0) or
   * expires later is refused. A release that outlives its intent widens the window of a freeze attack.
   */
  expiresAtMostMs?: number;
}

/** How much later than asked a gateway's clock may put a release's expiry. */
const EXPIRY_SLACK_MS = 10 * 60 * 1000;

/**
 * The latest expiry to accept for an entry asked for now with this lifetime (the gateway's default when
 * not given), allowing for the gateway's clock being a few minutes ahead.
 */
export function latestReleaseExpiry(nowMs: number, ttlMs = RELEASE_TTL_MS): number {
  return nowMs + ttlMs + EXPIRY_SLACK_MS;
}

/** An image as the release engineer holds it: in memory, or streamed from a file (it may be gigabytes). */
export type ImageSource = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Where a release entry disagrees with an image: its length, its sha256, and every chunk's sha256 at the
 * entry's chunk size (hashed as the gateway hashes an upload, ImageHasher); and with the version and
 * hardware ids the engineer pinned, if any. Empty when the entry describes the release exactly.
 */
export async function releaseEntryMismatches(entryBytes: Uint8Array, image: ImageSource, intent: ReleaseIntent = {}): Promise<string[]> {
  let entry: ota.v1.ReleaseEntry;
  try {
    entry = ota.v1.ReleaseEntry.decode(entryBytes);
  } catch (err) {
    return [`not a release entry (${(err as Error).message})`];
  }
  const problems: string[] = [];
  if (intent.version !== undefined && entry.version !== intent.version) problems.push(`it says version ${entry.version}, not ${intent.version}`);
  if (intent.module !== undefined && entry.ecuModule !== intent.module) problems.push(`it is for module ${entry.ecuModule}, not ${intent.module}`);
  if (intent.releaseCounter !== undefined && entry.releaseCounter !== intent.releaseCounter) {
    problems.push(`its release counter is ${entry.releaseCounter}, not ${intent.releaseCounter}`);
  }
  if (intent.expiresAtMostMs !== undefined) {
    const expires = u64(entry.expiresAtMs);
    if (expires === 0) problems.push(`it never expires; expected an expiry by ${new Date(intent.expiresAtMostMs).toISOString()}`);
    else if (expires > intent.expiresAtMostMs) {
      problems.push(`it expires at ${new Date(expires).toISOString()}, after ${new Date(intent.expiresAtMostMs).toISOString()}`);
    }
  }
  if (intent.hardwareIds !== undefined) {
    const listed = [...entry.hardwareIds].sort();
    const meant = [...new Set(intent.hardwareIds)].sort();
    if (listed.join('\n') !== meant.join('\n')) problems.push(`it lists hardware ${listed.join(', ') || 'none'}, not ${meant.join(', ') || 'none'}`);
  }
  if (entry.chunkSize <= 0) {
    problems.push('its chunk size is 0');
    return problems;
  }
  const hasher = new ImageHasher(entry.chunkSize);
  if (image instanceof Uint8Array) hasher.update(image);
  else for await (const piece of image) hasher.update(piece);
  const actual = hasher.digest();
  const size = u64(entry.imageSize);
  if (size !== actual.size) problems.push(`it says ${size} bytes, the image has ${actual.size}`);
  if (!actual.sha256.equals(entry.imageSha256)) problems.push(`its sha256 is ${Buffer.from(entry.imageSha256).toString('hex')}, the image's ${actual.sha256.toString('hex')}`);
  const chunks = actual.chunkHashes.length;
  if (entry.chunkSha256.length !== chunks) {
    problems.push(`it lists ${entry.chunkSha256.length} chunk hashes, the image has ${chunks} chunks of ${entry.chunkSize} bytes`);
    return problems;
  }
  const differing = actual.chunkHashes.flatMap((h, i) => (h.equals(entry.chunkSha256[i]!) ? [] : [i]));
  if (differing.length > 0) problems.push(`${differing.length} of its ${chunks} chunk hashes differ from the image's (first: chunk ${differing[0]})`);
  return problems;
}

/**
 * What a release engineer does offline: checks that the entry the gateway gave describes exactly the image
 * they mean to release (length, sha256, every chunk hash) and what they pinned of it, then signs it. The
 * gateway is online and could be compromised; the release key must never vouch for bytes its holder has not
 * seen. Rejects with ReleaseEntryMismatch otherwise.
 */
export async function signReleaseEntryFor(entry: Uint8Array, image: ImageSource, releaseKey: KeyObject, intent: ReleaseIntent = {}): Promise<Uint8Array> {
  const problems = await releaseEntryMismatches(entry, image, intent);
  if (problems.length > 0) throw new ReleaseEntryMismatch(problems);
  return signReleaseEntry(entry, releaseKey);
}
