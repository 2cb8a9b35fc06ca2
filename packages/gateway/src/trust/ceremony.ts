import { createPublicKey, type KeyObject } from 'node:crypto';
import { PAYLOAD_TYPES, encodeRoot, signToBytes, type Role, type TrustedRoot } from '@ota/proto';

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

/** Signs a release entry (the bytes GET /v1/updates/:id/release-entry gave) with the release key. */
export function signReleaseEntry(entry: Uint8Array, releaseKey: KeyObject): Uint8Array {
  return signToBytes(PAYLOAD_TYPES.release, entry, releaseKey);
}
