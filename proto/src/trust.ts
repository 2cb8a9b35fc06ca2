import type { KeyObject } from 'node:crypto';
import { ota } from '../gen/ota.js';
import { PAYLOAD_TYPES, keyIdOf, publicKeyFromSpki, verifyEnvelope, type EnvelopeCheck } from './signed.js';
import { u64 } from './u64.js';

export type Role = 'root' | 'release' | 'director';

/** A root of trust that verified: the metadata, its exact signed bytes, and its keys by key id. */
export interface TrustedRoot {
  metadata: ota.v1.RootMetadata;
  version: number;
  expiresAtMs: number;
  /** The Signed{RootMetadata} envelope as received, to pass on unchanged. */
  envelope: Uint8Array;
  keys: ReadonlyMap<string, KeyObject>;
}

export type RootRefusal = { ok: false; code: ota.v1.ResultCode; description: string };

/** The public keys a root lists, by key id; a key whose id does not match its bytes is left out. */
function keysOf(metadata: ota.v1.RootMetadata): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const k of metadata.keys) {
    try {
      const key = publicKeyFromSpki(k.spkiDer ?? new Uint8Array());
      const keyId = k.keyId ?? '';
      if (k.method === ota.v1.SigMethod.ED25519 && keyIdOf(key) === keyId) keys.set(keyId, key);
    } catch {
      // An unparsable key simply cannot sign for anything.
    }
  }
  return keys;
}

/** The keys a role may sign with, and the threshold. */
export function roleKeys(root: TrustedRoot, role: Role): { keys: Map<string, KeyObject>; threshold: number } {
  const spec = root.metadata[role];
  const keys = new Map<string, KeyObject>();
  for (const id of spec?.keyIds ?? []) {
    const key = root.keys.get(id);
    if (key) keys.set(id, key);
  }
  return { keys, threshold: Math.max(1, spec?.threshold ?? 1) };
}

/** Verifies an envelope signed for a role of this root (threshold signatures by that role's keys). */
export function verifyForRole(root: TrustedRoot, role: Role, envelope: ota.v1.ISigned, payloadType: string): EnvelopeCheck {
  const { keys, threshold } = roleKeys(root, role);
  return verifyEnvelope(envelope, payloadType, keys, threshold);
}

function decodeRoot(envelopeBytes: Uint8Array): { envelope: ota.v1.Signed; metadata: ota.v1.RootMetadata } | RootRefusal {
  try {
    const envelope = ota.v1.Signed.decode(envelopeBytes);
    if (envelope.payloadType !== PAYLOAD_TYPES.root) {
      return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `not a root: ${envelope.payloadType}` };
    }
    return { envelope, metadata: ota.v1.RootMetadata.decode(envelope.payload) };
  } catch (err) {
    return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `undecodable root: ${(err as Error).message}` };
  }
}

function trusted(envelopeBytes: Uint8Array, metadata: ota.v1.RootMetadata): TrustedRoot {
  return {
    metadata,
    version: u64(metadata.version),
    expiresAtMs: u64(metadata.expiresAtMs),
    envelope: envelopeBytes,
    keys: keysOf(metadata),
  };
}

/**
 * The first root, as installed at manufacturing: it must be signed by a threshold of its own root keys.
 * Expiry is not checked here: a vehicle parked for a year still walks to a fresh root before trusting
 * anything else (see walkRootChain).
 */
export function anchorRoot(envelopeBytes: Uint8Array): TrustedRoot | RootRefusal {
  const decoded = decodeRoot(envelopeBytes);
  if ('ok' in decoded) return decoded;
  const root = trusted(envelopeBytes, decoded.metadata);
  const check = verifyForRole(root, 'root', decoded.envelope, PAYLOAD_TYPES.root);
  if (!check.ok) return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `root ${root.version} is not self-signed: ${check.reason}` };
  return root;
}

/**
 * Uptane root rotation: version N+1 is trusted only when a threshold of N's root keys and a threshold of its
 * own root keys signed it. Returns the next root, or why not.
 */
export function nextRoot(current: TrustedRoot, envelopeBytes: Uint8Array): TrustedRoot | RootRefusal {
  const decoded = decodeRoot(envelopeBytes);
  if ('ok' in decoded) return decoded;
  const candidate = trusted(envelopeBytes, decoded.metadata);
  if (candidate.version !== current.version + 1) {
    return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `root ${candidate.version} does not follow ${current.version}` };
  }
  const byOld = verifyForRole(current, 'root', decoded.envelope, PAYLOAD_TYPES.root);
  if (!byOld.ok) return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `root ${candidate.version} lacks root ${current.version}'s signatures: ${byOld.reason}` };
  const byNew = verifyForRole(candidate, 'root', decoded.envelope, PAYLOAD_TYPES.root);
  if (!byNew.ok) return { ok: false, code: ota.v1.ResultCode.ROOT_INVALID, description: `root ${candidate.version} lacks its own signatures: ${byNew.reason}` };
  return candidate;
}

/**
 * Walks from the trusted root through the newer roots given (older ones, already trusted, are skipped) and
 * checks that the newest is not expired (Uptane freeze). A broken link stops the walk with nothing adopted.
 */
export function walkRootChain(current: TrustedRoot, chain: readonly Uint8Array[], now: number): TrustedRoot | RootRefusal {
  let root = current;
  for (const envelopeBytes of chain) {
    const decoded = decodeRoot(envelopeBytes);
    if ('ok' in decoded) return decoded;
    if (u64(decoded.metadata.version) <= root.version) continue;
    const next = nextRoot(root, envelopeBytes);
    if ('ok' in next) return next;
    root = next;
  }
  if (root.expiresAtMs > 0 && root.expiresAtMs <= now) {
    return { ok: false, code: ota.v1.ResultCode.METADATA_EXPIRED, description: `root ${root.version} expired` };
  }
  return root;
}

export function isRootRefusal(x: TrustedRoot | RootRefusal): x is RootRefusal {
  return 'ok' in x;
}

export interface RootSpec {
  version: number;
  expiresAtMs: number;
  root: readonly KeyObject[];
  release: readonly KeyObject[];
  director: readonly KeyObject[];
  thresholds?: Partial<Record<Role, number>>;
}

/** Encodes a RootMetadata payload from public keys, for the key ceremony tools and tests. */
export function encodeRoot(spec: RootSpec): Uint8Array {
  const all = new Map<string, KeyObject>();
  const ids = (keys: readonly KeyObject[]) =>
    keys.map((k) => {
      const id = keyIdOf(k);
      all.set(id, k);
      return id;
    });
  const role = (name: Role, keys: readonly KeyObject[]) => ({ keyIds: ids(keys), threshold: spec.thresholds?.[name] ?? 1 });
  const metadata = {
    version: spec.version,
    expiresAtMs: spec.expiresAtMs,
    root: role('root', spec.root),
    release: role('release', spec.release),
    director: role('director', spec.director),
  };
  return ota.v1.RootMetadata.encode({
    ...metadata,
    keys: [...all].map(([keyId, k]) => ({ keyId, method: ota.v1.SigMethod.ED25519, spkiDer: k.export({ type: 'spki', format: 'der' }) })),
  }).finish();
}
