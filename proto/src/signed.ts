import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ota } from '../gen/ota.js';

/** The payload types carried in `Signed` envelopes. */
export const PAYLOAD_TYPES = {
  root: 'ota.v1.RootMetadata',
  release: 'ota.v1.ReleaseEntry',
  manifest: 'ota.v1.UpdateManifest',
  report: 'ota.v1.VersionReport',
} as const;

export const MANIFEST_PAYLOAD_TYPE = PAYLOAD_TYPES.manifest;

// KeyObjects never change, so a key's id is computed once: exporting the DER costs more than a signature.
const keyIds = new WeakMap<KeyObject, string>();

/** Uptane key id: hex sha256 of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  let id = keyIds.get(publicKey);
  if (id === undefined) {
    const der = publicKey.export({ type: 'spki', format: 'der' });
    id = createHash('sha256').update(der).digest('hex');
    keyIds.set(publicKey, id);
  }
  return id;
}

/** The key id of a private key's public half (cached like keyIdOf). */
function keyIdOfPrivate(privateKey: KeyObject): string {
  let id = keyIds.get(privateKey);
  if (id === undefined) {
    id = keyIdOf(createPublicKey(privateKey));
    keyIds.set(privateKey, id);
  }
  return id;
}

/** Wraps already-encoded bytes in a Signed envelope, signed with ed25519 by every key given. */
export function signPayload(payloadType: string, payload: Uint8Array, ...privateKeys: KeyObject[]): ota.v1.Signed {
  return ota.v1.Signed.create({
    payloadType,
    payload,
    signatures: privateKeys.map((key) => ({
      keyId: keyIdOfPrivate(key),
      method: ota.v1.SigMethod.ED25519,
      sig: sign(null, payload, key),
    })),
  });
}

/** The encoded envelope, ready to publish or store. */
export function signToBytes(payloadType: string, payload: Uint8Array, ...privateKeys: KeyObject[]): Uint8Array {
  return ota.v1.Signed.encode(signPayload(payloadType, payload, ...privateKeys)).finish();
}

export type EnvelopeRefusal = 'wrong-type' | 'unknown-key' | 'bad-signature' | 'below-threshold';
export type EnvelopeCheck = { ok: true; payload: Uint8Array } | { ok: false; reason: EnvelopeRefusal };

/**
 * Verifies the envelope's bytes as received: never re-encode before verifying, protobuf is not canonical.
 * `trusted` maps key ids to public keys; at least `threshold` distinct trusted keys must have signed validly.
 * Refusals say why: no signature by a trusted key at all, a trusted key whose signature fails, or too few.
 */
export function verifyEnvelope(
  envelope: ota.v1.ISigned,
  expectedType: string,
  trusted: ReadonlyMap<string, KeyObject>,
  threshold = 1,
): EnvelopeCheck {
  if (envelope.payloadType !== expectedType) return { ok: false, reason: 'wrong-type' };
  const payload = envelope.payload ?? new Uint8Array();
  const valid = new Set<string>();
  let knownKey = false;
  let badSignature = false;
  for (const s of envelope.signatures ?? []) {
    const keyId = s.keyId ?? '';
    const key = trusted.get(keyId);
    if (!key || !s.sig || s.method !== ota.v1.SigMethod.ED25519) continue;
    knownKey = true;
    if (verify(null, payload, key, s.sig)) valid.add(keyId);
    else badSignature = true;
  }
  if (valid.size >= Math.max(1, threshold)) return { ok: true, payload };
  if (badSignature) return { ok: false, reason: 'bad-signature' };
  return { ok: false, reason: knownKey ? 'below-threshold' : 'unknown-key' };
}
