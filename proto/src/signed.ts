import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ota } from '../gen/ota.js';

/** Uptane key id: hex sha256 of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** Wraps already-encoded bytes in a Signed envelope, signed with ed25519. */
export function signPayload(payloadType: string, payload: Uint8Array, privateKey: KeyObject): ota.v1.Signed {
  const publicKey = createPublicKey(privateKey);
  return ota.v1.Signed.create({
    payloadType,
    payload,
    signatures: [{ keyId: keyIdOf(publicKey), method: ota.v1.SigMethod.ED25519, sig: sign(null, payload, privateKey) }],
  });
}

export type EnvelopeCheck =
  | { ok: true; payload: Uint8Array }
  | { ok: false; reason: 'wrong-type' | 'unknown-key' | 'bad-signature' };

/**
 * Verifies the envelope's bytes as received: never re-encode before verifying, protobuf is not canonical.
 * `trusted` maps key ids to public keys; at least one signature must be by a trusted key and valid.
 */
export function verifyEnvelope(
  envelope: ota.v1.Signed,
  expectedType: string,
  trusted: ReadonlyMap<string, KeyObject>,
): EnvelopeCheck {
  if (envelope.payloadType !== expectedType) return { ok: false, reason: 'wrong-type' };
  let knownKey = false;
  for (const s of envelope.signatures) {
    const key = trusted.get(s.keyId ?? '');
    if (!key || !s.sig || s.method !== ota.v1.SigMethod.ED25519) continue;
    knownKey = true;
    if (verify(null, envelope.payload, key, s.sig)) return { ok: true, payload: envelope.payload };
  }
  return { ok: false, reason: knownKey ? 'bad-signature' : 'unknown-key' };
}
