import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ota } from '../gen/ota.js';
import { PAYLOAD_TYPES, signToBytes, verifyEnvelope, keyIdOf } from './signed.js';
import { anchorRoot, encodeRoot, isRootRefusal, walkRootChain, type TrustedRoot } from './trust.js';

const key = () => generateKeyPairSync('ed25519');
const NOW = 1_800_000_000_000;
const YEAR = 365 * 24 * 3600 * 1000;

function root(version: number, rootKeys: ReturnType<typeof key>[], director: ReturnType<typeof key>, signers: ReturnType<typeof key>[], expiresAtMs = NOW + YEAR) {
  const payload = encodeRoot({
    version,
    expiresAtMs,
    root: rootKeys.map((k) => k.publicKey),
    release: [key().publicKey],
    director: [director.publicKey],
  });
  return signToBytes(PAYLOAD_TYPES.root, payload, ...signers.map((k) => k.privateKey));
}

function expectRoot(x: ReturnType<typeof walkRootChain>): TrustedRoot {
  if (isRootRefusal(x)) throw new Error(x.description);
  return x;
}

describe('root of trust', () => {
  it('walks a rotation signed by the old and the new root keys', () => {
    const [r1, r2, d1, d2] = [key(), key(), key(), key()];
    const v1 = expectRoot(anchorRoot(root(1, [r1], d1, [r1])));
    const v2 = expectRoot(walkRootChain(v1, [root(1, [r1], d1, [r1]), root(2, [r2], d2, [r1, r2])], NOW));
    expect(v2.version).toBe(2);
    expect(v2.metadata.director?.keyIds).toEqual([keyIdOf(d2.publicKey)]);
  });

  it('refuses a new root signed only by the new keys, or only by the old ones, or skipping a version', () => {
    const [r1, r2, d] = [key(), key(), key()];
    const v1 = expectRoot(anchorRoot(root(1, [r1], d, [r1])));
    for (const bad of [root(2, [r2], d, [r2]), root(2, [r2], d, [r1]), root(3, [r2], d, [r1, r2])]) {
      const out = walkRootChain(v1, [bad], NOW);
      expect(isRootRefusal(out) && out.code).toBe(ota.v1.ResultCode.ROOT_INVALID);
    }
  });

  it('needs the threshold of distinct keys, and refuses an expired newest root', () => {
    const [a, b, d] = [key(), key(), key()];
    const payload = encodeRoot({ version: 1, expiresAtMs: NOW + YEAR, root: [a.publicKey, b.publicKey], release: [], director: [d.publicKey], thresholds: { root: 2 } });
    expect(isRootRefusal(anchorRoot(signToBytes(PAYLOAD_TYPES.root, payload, a.privateKey, a.privateKey)))).toBe(true);
    const v1 = expectRoot(anchorRoot(signToBytes(PAYLOAD_TYPES.root, payload, a.privateKey, b.privateKey)));
    const expired = walkRootChain(v1, [], v1.expiresAtMs + 1);
    expect(isRootRefusal(expired) && expired.code).toBe(ota.v1.ResultCode.METADATA_EXPIRED);
  });

  it('tells a bad signature from an unknown key', () => {
    const [k, other] = [key(), key()];
    const envelope = ota.v1.Signed.decode(signToBytes('t', Buffer.from('payload'), k.privateKey));
    const trusted = new Map([[keyIdOf(k.publicKey), k.publicKey]]);
    expect(verifyEnvelope(envelope, 't', trusted)).toMatchObject({ ok: true });
    expect(verifyEnvelope({ ...envelope, payload: Buffer.from('forged!') }, 't', trusted)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyEnvelope(envelope, 't', new Map([[keyIdOf(other.publicKey), other.publicKey]]))).toEqual({ ok: false, reason: 'unknown-key' });
  });
});
