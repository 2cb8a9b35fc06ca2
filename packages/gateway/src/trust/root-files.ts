import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { OtaError, type TrustRepo } from '@ota/campaign-core';
import { ConfigError } from '../config.js';

/** `root-<version>.pb`: one Signed{RootMetadata} per file, as the key ceremony wrote it. */
export const rootFileName = (version: number) => `root-${version}.pb`;

export async function writeRootFile(dir: string, version: number, envelope: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, rootFileName(version));
  // A root file is never overwritten: a version, once written, is what it is.
  await writeFile(path, envelope, { flag: 'wx' });
  return path;
}

/** The root files in a folder, in version order. */
export async function readRootFiles(dir: string): Promise<{ version: number; path: string; envelope: Buffer }[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const files = names
    .map((name) => ({ name, version: Number(/^root-(\d+)\.pb$/.exec(name)?.[1]) }))
    .filter((f) => Number.isInteger(f.version) && f.version > 0)
    .sort((a, b) => a.version - b.version);
  return Promise.all(files.map(async (f) => ({ version: f.version, path: join(dir, f.name), envelope: await readFile(join(dir, f.name)) })));
}

/**
 * At start: roots in `dir` newer than what Postgres holds are added, in order (each must chain). So a
 * fresh database learns root 1 from the key ceremony's files, and a rotation can also arrive as a file.
 * A file that does not chain stops the start with a ConfigError naming it; the roots before it stay added.
 */
export async function importRootFiles(dir: string, trust: TrustRepo, log: Logger): Promise<number> {
  let newest = (await trust.newest())?.version ?? 0;
  let added = 0;
  for (const file of await readRootFiles(dir)) {
    if (file.version <= newest) continue;
    try {
      await trust.add(file.envelope, 'trust-dir');
    } catch (err) {
      // A file that does not chain (wrong signatures, a gap, not a root) is the operator's to fix: say which.
      if (err instanceof OtaError && err.code === 'OTA_ERR_ROOT_INVALID') {
        const trusted = newest ? `root ${newest} is the newest trusted` : 'no root is trusted yet';
        throw new ConfigError('TRUST_DIR', `${file.path} was not added (${trusted}): ${err.message}`);
      }
      throw err;
    }
    newest = file.version;
    added++;
  }
  if (added) log.info({ dir, added }, 'roots of trust imported');
  return added;
}
