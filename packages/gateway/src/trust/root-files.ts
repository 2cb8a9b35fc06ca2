import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { TrustRepo } from '@ota/campaign-core';

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
export async function readRootFiles(dir: string): Promise<{ version: number; envelope: Buffer }[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const files = names
    .map((name) => ({ name, version: Number(/^root-(\d+)\.pb$/.exec(name)?.[1]) }))
    .filter((f) => Number.isInteger(f.version) && f.version > 0)
    .sort((a, b) => a.version - b.version);
  return Promise.all(files.map(async (f) => ({ version: f.version, envelope: await readFile(join(dir, f.name)) })));
}

/**
 * At start: roots in `dir` newer than what Postgres holds are added, in order (each must chain). So a
 * fresh database learns root 1 from the key ceremony's files, and a rotation can also arrive as a file.
 */
export async function importRootFiles(dir: string, trust: TrustRepo, log: Logger): Promise<number> {
  const newest = (await trust.newest())?.version ?? 0;
  let added = 0;
  for (const file of await readRootFiles(dir)) {
    if (file.version <= newest) continue;
    await trust.add(file.envelope, 'trust-dir');
    added++;
  }
  if (added) log.info({ dir, added }, 'roots of trust imported');
  return added;
}
