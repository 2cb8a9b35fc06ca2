import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, TEST_REDIS_URL, createTestDatabase } from '@ota/campaign-core/testing';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** A URL of the same service with a port nothing listens on (1 is reserved), and a password to mask. */
function unreachable(url: string): string {
  const u = new URL(url);
  u.port = '1';
  u.password = 'hunter2';
  if (!u.username) u.username = 'ota';
  return u.toString();
}

describe('the gateway without its Postgres or its Redis', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'ota-main-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (databaseUrl: string, redisUrl: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: db.schema,
        REDIS_URL: redisUrl,
        ADMIN_TOKEN: 'x'.repeat(32),
        DEV_TRUST: '1',
        PKI_DIR: join(dir, 'pki'),
        DATA_DIR: join(dir, 'data'),
        MQTT_PORT: '0',
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops at once with one line naming Postgres, where, and why, the password masked: exit 1', () => {
    const run = start(unreachable(TEST_DATABASE_URL), TEST_REDIS_URL);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ota-gateway: cannot connect to Postgres at postgres:\/\/[^:]+:\*\*\*@[^/]+:1\/\S+: connect ECONNREFUSED/)]);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('the same for Redis: one line, not ioredis\' "Connection is closed." and a stack', () => {
    const run = start(TEST_DATABASE_URL, unreachable(TEST_REDIS_URL));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ota-gateway: cannot connect to Redis at redis:\/\/ota:\*\*\*@[^/]+:1\/?: connect ECONNREFUSED/)]);
    expect(run.stderr).not.toContain('hunter2');
  });
});
