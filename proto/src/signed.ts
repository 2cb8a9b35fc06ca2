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
    id = createHash('sha256').update(spkiDerOf(publicKey)).digest('hex');
    keyIds.set(publicKey, id);
  }
  return id;
}

/** SubjectPublicKeyInfo DER of an ed25519 key, up to the 32 key bytes (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_SPKI_BYTES = ED25519_SPKI_PREFIX.length + 32;

/**
 * The SPKI DER of a public key. An ed25519 key's is its fixed prefix and raw bytes, taken through JWK: the
 * same bytes as export({ type: 'spki' }), which OpenSSL 3 takes about 50 times longer to produce.
 */
export function spkiDerOf(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType === 'ed25519') {
    const { x } = publicKey.export({ format: 'jwk' });
    if (x) return Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(x, 'base64url')]);
  }
  return publicKey.export({ type: 'spki', format: 'der' });
}

/**
 * A public key from its SPKI DER. An ed25519 key is built from its raw bytes (through JWK), which is ten
 * times cheaper than OpenSSL 3's DER decoder; any other key, or malformed bytes, goes through
 * createPublicKey and throws as it would.
 */
export function publicKeyFromSpki(der: Uint8Array): KeyObject {
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  if (bytes.length === ED25519_SPKI_BYTES && bytes.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(ED25519_SPKI_PREFIX.length).toString('base64url') }, format: 'jwk' });
  }
  return createPublicKey({ key: bytes, format: 'der', type: 'spki' });
}

const PEM_PUBLIC_KEY = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END PUBLIC KEY-----\s*$/;

/** A public key from SPKI PEM, as publicKeyFromSpki; anything but one PUBLIC KEY block goes to createPublicKey. */
export function publicKeyFromPem(pem: string): KeyObject {
  const body = PEM_PUBLIC_KEY.exec(pem.trim() + '\n')?.[1];
  return body ? publicKeyFromSpki(Buffer.from(body.replace(/\s/g, ''), 'base64')) : createPublicKey(pem);
}

/** The key id of a private key's public half (cached like keyIdOf). */
export function keyIdOfPrivate(privateKey: KeyObject): string {
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
