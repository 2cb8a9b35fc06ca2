import pg from 'pg';

export interface PoolOptions {
  url: string;
  /** Postgres schema holding our tables; tests give each run its own. Default `public`. */
  schema?: string;
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPool(opts: PoolOptions): pg.Pool {
  const schema = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    // Named (prepared) statements keep one generic plan per connection: they are the hot path's short
    // lookups by key, for which re-planning with each call's values buys nothing. Unnamed queries are
    // planned per call as before.
    options: `-c search_path=${schema} -c plan_cache_mode=force_generic_plan`,
  });
  // An idle client losing its server must not crash the process; the next query gets the error instead.
  pool.on('error', () => {});
  return pool;
}

export function schemaOf(pool: pg.Pool): string {
  const options = (pool.options as { options?: string }).options ?? '';
  return /search_path=([a-z0-9_]+)/.exec(options)?.[1] ?? 'public';
}

/**
 * Runs `fn` with a connection of its own. A checked-out client whose connection breaks (Postgres restarting,
 * a network cut) emits 'error', and pg-pool listens for that only while the client is idle: unheard, it would
 * crash the process. Here the break is noted (the query in flight, or the next one, fails as usual) and the
 * client goes back as broken, so the pool drops it instead of lending it again.
 */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } finally {
    client.release(broken);
    client.removeListener('error', onError);
  }
}

/** Runs `fn` in one transaction; rolls back on any error. */
export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}

const preparedTexts = new Map<string, string>();

/**
 * A statement that Postgres parses and plans once per connection (a named prepared statement). For the
 * queries every vehicle message runs: parsing and planning them cost more than executing them (measured
 * with pg_stat_statements, docs/benchmarks.md). The text must be fixed: values go in parameters.
 */
export function prepared(name: string, text: string): (values: unknown[]) => pg.QueryConfig {
  const existing = preparedTexts.get(name);
  if (existing !== undefined && existing !== text) throw new Error(`prepared statement ${name} defined twice with different text`);
  preparedTexts.set(name, text);
  return (values) => ({ name, text, values });
}
