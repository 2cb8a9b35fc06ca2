import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { firstRootEnvelope } from './ceremony.js';
import { readOrCreateKey } from './key-files.js';
import { readRootFiles, writeRootFile } from './root-files.js';

export interface DevTrust {
  /** Where the offline keys are: PKI_DIR/offline/{root,release}.key.pem. */
  offlineDir: string;
  rootKeyPath: string;
  releaseKeyPath: string;
  /** The offline keys themselves: for tools that play the release engineer (rehearsal, tests). */
  rootKey: KeyObject;
  releaseKey: KeyObject;
  /** The gateway's first director key (PKI_DIR/signing/director.key.pem). */
  directorKey: KeyObject;
  /** Root version 1, Signed{RootMetadata} bytes: what vehicles get at manufacturing. */
  root1: Buffer;
}

/**
 * A key ceremony in one step, for development or a first setup: offline root and release keys (in
 * `offlineDir`), the director key (PKI_DIR/signing) and root version 1 naming them (in `trustDir`), created
 * once and reused. It lets `pnpm rehearse`, the tests and docker compose run from nothing. In production
 * `offlineDir` is on the release engineers' machine, never on the gateway (`pnpm trust init`).
 */
export async function ensureDevTrust(pkiDir: string, trustDir = join(pkiDir, 'trust'), offlineDir = join(pkiDir, 'offline')): Promise<DevTrust> {
  const rootKeyPath = join(offlineDir, 'root.key.pem');
  const releaseKeyPath = join(offlineDir, 'release.key.pem');
  const rootKey = await readOrCreateKey(rootKeyPath, true);
  const releaseKey = await readOrCreateKey(releaseKeyPath, true);
  const directorKey = await readOrCreateKey(join(pkiDir, 'signing', 'director.key.pem'), true);
  let root1 = (await readRootFiles(trustDir)).find((f) => f.version === 1)?.envelope;
  if (!root1) {
    const made = Buffer.from(firstRootEnvelope({ root: [rootKey], release: [releaseKey], director: [directorKey] }));
    root1 = await writeRootFile(trustDir, 1, made).then(
      () => made,
      async (err: NodeJS.ErrnoException) => {
        // Another process wrote it first: theirs is root 1.
        if (err.code !== 'EEXIST') throw err;
        return (await readRootFiles(trustDir)).find((f) => f.version === 1)!.envelope;
      },
    );
  }
  return { offlineDir, rootKeyPath, releaseKeyPath, rootKey, releaseKey, directorKey, root1 };
}
