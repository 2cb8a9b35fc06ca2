import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { binariesDir, closedAncestor, startEmbeddedPostgres } from './embedded-postgres.js';
import { startPrivateRedis } from './private-redis.js';

// initdb runs as the postgres user when we are root: the base must be enterable by others, as /tmp is.
const base = join(tmpdir(), 'ota-test-infra');

describe('embedded Postgres', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  // Only as root does Postgres run as another user (postgres) than the one who made the folder.
  it.skipIf(userInfo().uid !== 0)('says clearly when the postgres user cannot reach the data folder', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(base, { recursive: true });
    const dir = await mkdtemp(join(base, 'closed-'));
    dirs.push(dir);
    await expect(startEmbeddedPostgres({ dataDir: join(dir, 'data') })).rejects.toThrow(/cannot reach its (binaries|data folder): .* is mode 700/);
  });

  // As root, a project checked out under a folder closed to others (mktemp -d, /root) cannot run the
  // binaries as the postgres user: then the clear refusal is what must happen, and is what we test.
  it('initialises once, keeps data across restarts, and recovers from a stale pid file', async () => {
    const closed = userInfo().uid === 0 ? await closedAncestor(binariesDir()) : null;
    if (closed) {
      await expect(startEmbeddedPostgres({ dataDir: join(base, 'unused') })).rejects.toThrow(/cannot reach its binaries/);
      return;
    }
    const { mkdir } = await import('node:fs/promises');
    await mkdir(base, { recursive: true });
    const dir = await mkdtemp(join(base, 'pg-'));
    dirs.push(dir);
    await chmod(dir, 0o755); // mkdtemp makes it 0700, which the postgres user cannot enter
    const dataDir = join(dir, 'data');

    const first = await startEmbeddedPostgres({ dataDir });
    const c1 = new pg.Client({ connectionString: first.url });
    await c1.connect();
    await c1.query('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)');
    await c1.end();
    await first.stop();
    await first.stop(); // idempotent

    // What a SIGKILLed run leaves behind: a postmaster.pid naming a process that is gone.
    await writeFile(join(dataDir, 'postmaster.pid'), '999999\n');
    const second = await startEmbeddedPostgres({ dataDir });
    const c2 = new pg.Client({ connectionString: second.url });
    await c2.connect();
    expect((await c2.query('SELECT x FROM kept')).rows).toEqual([{ x: 42 }]);
    await c2.end();
    await second.stop();
  }, 120_000);
});

describe('private redis-server', () => {
  it('starts on a free port, answers, and stops', async () => {
    const redis = await startPrivateRedis();
    const client = new Redis(redis.url);
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    await redis.stop();
    const after = new Redis(redis.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });
});
