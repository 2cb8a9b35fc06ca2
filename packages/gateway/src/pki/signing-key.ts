import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOf } from '@ota/proto';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

/**
 * An ed25519 signing key under `dir/signing/<name>.key.pem`, created on first use; the public half beside it
 * as `<name>.pub.pem`, which is what vehicles are given to trust.
 */
export async function ensureSigningKey(dir: string, name: string): Promise<SigningKey> {
  const folder = join(dir, 'signing');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const keyPath = join(folder, `${name}.key.pem`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(keyPath, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await writeFile(join(folder, `${name}.pub.pem`), publicKeyPem);
  return { privateKey, publicKey, publicKeyPem, keyId: keyIdOf(publicKey) };
}
