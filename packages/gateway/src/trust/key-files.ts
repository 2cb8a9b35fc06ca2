import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads an ed25519 private key (PKCS#8 PEM), creating it first when `create` and the file is absent. */
export async function readOrCreateKey(path: string, create: boolean): Promise<KeyObject> {
  try {
    return createPrivateKey(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw err;
    const key = generateKeyPairSync('ed25519').privateKey;
    await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
    try {
      await writeFile(path, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (raced) {
      // Another process created it first: use theirs.
      if ((raced as NodeJS.ErrnoException).code === 'EEXIST') return createPrivateKey(await readFile(path, 'utf8'));
      throw raced;
    }
    return key;
  }
}

/**
 * Every director key this gateway holds: `PKI_DIR/signing/director*.key.pem`. A rotation adds a file
 * (director-2.key.pem, ...); which one signs is decided by the newest root, not by file names.
 */
export async function loadDirectorKeys(pkiDir: string): Promise<KeyObject[]> {
  const folder = join(pkiDir, 'signing');
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const keys: KeyObject[] = [];
  for (const name of names.filter((n) => n.startsWith('director') && n.endsWith('.key.pem')).sort()) {
    keys.push(createPrivateKey(await readFile(join(folder, name), 'utf8')));
  }
  return keys;
}
