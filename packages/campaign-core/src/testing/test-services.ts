import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { deleteQueueKeys } from '../dispatch/queue-keys.js';

/** Real Postgres for tests: DATABASE_URL, or the machine's local server. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Real Redis for tests: REDIS_URL, or the machine's local server. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A pool on a schema of its own, migrated; `drop()` removes the schema. */
export async function createTestDatabase(): Promise<{ pool: pg.Pool; schema: string; drop(): Promise<void> }> {
  const schema = uniqueName('t');
  const pool = createPool({ url: TEST_DATABASE_URL, schema });
  await migrate(pool);
  return {
    pool,
    schema,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/** A Redis connection and a BullMQ prefix of its own; `drop()` deletes the prefix's keys. */
export async function createTestRedis(): Promise<{ redis: Redis; prefix: string; clear(): Promise<void>; drop(): Promise<void> }> {
  const prefix = uniqueName('ota-test');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  /** Deletes every key under the prefix: what a Redis restarted with nothing on disk would have lost. */
  const clear = () => deleteQueueKeys(redis, prefix);
  return {
    redis,
    prefix,
    clear,
    async drop() {
      await clear();
      redis.disconnect();
    },
  };
}
