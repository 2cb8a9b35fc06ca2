import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, publicKeyFromPem, publicKeyFromSpki, spkiDerOf } from './signed.js';

describe('public keys without the DER codec', () => {
  it('gives the same SPKI bytes, key ids and keys as OpenSSL for ed25519', () => {
    for (let i = 0; i < 20; i++) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const der = publicKey.export({ type: 'spki', format: 'der' });
      expect(spkiDerOf(publicKey).equals(der)).toBe(true);
      const fromDer = publicKeyFromSpki(der);
      const fromPem = publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
      for (const k of [fromDer, fromPem]) {
        expect(k.equals(publicKey)).toBe(true);
        expect(keyIdOf(k)).toBe(keyIdOf(createPublicKey({ key: der, format: 'der', type: 'spki' })));
      }
      const message = Buffer.from(`message ${i}`);
      expect(verify(null, message, fromPem, sign(null, message, privateKey))).toBe(true);
    }
  });

  it('leaves other keys and malformed bytes to createPublicKey', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(publicKeyFromSpki(der).equals(publicKey)).toBe(true);
    expect(spkiDerOf(publicKey).equals(der)).toBe(true);
    expect(publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()).equals(publicKey)).toBe(true);
    // The ed25519 prefix without its key bytes: not a key, and said so.
    expect(() => publicKeyFromSpki(Buffer.from('302a300506032b65700321', 'hex'))).toThrow();
    expect(() => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toThrow();
    expect(() => publicKeyFromPem('not a key')).toThrow();
  });
});
