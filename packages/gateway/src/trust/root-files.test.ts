import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos, migrate, type Repos } from '@ota/campaign-core';
import { TEST_DATABASE_URL, createTestDatabase } from '@ota/campaign-core/testing';
import { anchorRoot, isRootRefusal } from '@ota/proto';
import { ConfigError } from '../config.js';
import { firstRootEnvelope, nextRootEnvelope } from './ceremony.js';
import { importRootFiles, writeRootFile } from './root-files.js';

const key = () => generateKeyPairSync('ed25519');

describe('root files in TRUST_DIR', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let repos: Repos;
  let dir: string;
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrate(db.pool);
    repos = createRepos(db.pool);
    dir = await mkdtemp(join(tmpdir(), 'ota-roots-'));
    const [root, release, director, stranger] = [key(), key(), key(), key()];
    const first = firstRootEnvelope({ root: [root.privateKey], release: [release.privateKey], director: [director.privateKey] });
    const trusted = anchorRoot(first);
    if (isRootRefusal(trusted)) throw new Error(trusted.description);
    await writeRootFile(dir, 1, first);
    // Root 2 signed by a key root 1 does not name: it must not chain.
    await writeRootFile(dir, 2, nextRootEnvelope(trusted, { director: [key().publicKey] }, [stranger.privateKey]));
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds what chains and names the file that does not', async () => {
    const refused = await importRootFiles(dir, repos.trust, log).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toMatch(/^TRUST_DIR: .*root-2\.pb was not added \(root 1 is the newest trusted\): root 2 lacks root 1's signatures/);
    expect((await repos.trust.newest())?.version).toBe(1);
  });

  it('stops the gateway with one line and exit code 2, not a stack trace', () => {
    const main = fileURLToPath(new URL('../main.ts', import.meta.url));
    const pkiDir = join(dir, 'pki');
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: db.schema,
        REDIS_URL: 'redis://127.0.0.1:1', // never reached: the roots are read first
        ADMIN_TOKEN: 'x'.repeat(32),
        PKI_DIR: pkiDir,
        TRUST_DIR: dir,
        DATA_DIR: join(dir, 'data'),
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ota-gateway: TRUST_DIR: .*root-2\.pb was not added/)]);
  });
});
