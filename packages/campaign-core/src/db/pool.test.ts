import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-services.js';
import { inTransaction } from './pool.js';

describe('a connection that breaks while it is lent out', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('fails the transaction, crashes nothing, and is not lent again', async () => {
    // Between two statements of a transaction (nothing in flight), its backend is terminated, as when
    // Postgres restarts: the client emits 'error' with no query to fail. Unheard, that is an uncaught
    // exception (vitest reports it and fails the run).
    let pid = 0;
    const attempt = inTransaction(db.pool, async (client) => {
      pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await new Promise((r) => setTimeout(r, 200)); // the break arrives while the client is idle
      await client.query('SELECT 1');
    });
    await expect(attempt).rejects.toThrow(/terminat|not queryable|ended/i);
    // The broken client was dropped: the pool lends a working one, on another backend.
    const { rows } = await db.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(rows[0]!.pid).not.toBe(pid);
  });
});
