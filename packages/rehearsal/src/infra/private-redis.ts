import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export class MissingRedisError extends Error {
  constructor() {
    super(
      'redis-server not found on PATH: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) ' +
        'or run `docker compose up -d redis` and set REDIS_URL=redis://127.0.0.1:6379',
    );
    this.name = 'MissingRedisError';
  }
}

/**
 * A throwaway redis-server on a free loopback port, with no persistence, stopped by stop() or, failing
 * that, when this process exits.
 */
export async function startPrivateRedis(opts: { log?: (line: string) => void } = {}): Promise<{
  url: string;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => opts.log?.(d.toString()));
  child.stderr?.on('data', (d: Buffer) => opts.log?.(d.toString()));
  const killAtExit = () => child.kill('SIGKILL');
  process.once('exit', killAtExit);

  const url = `redis://127.0.0.1:${port}`;
  const failure = spawnFailure(child);
  failure.catch(() => {}); // after a good start, the exit at stop() is expected
  try {
    await Promise.race([failure, waitForPing(url)]);
  } catch (err) {
    child.kill('SIGKILL');
    process.removeListener('exit', killAtExit);
    throw err;
  }
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', killAtExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function spawnFailure(child: ChildProcess): Promise<never> {
  return new Promise((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new MissingRedisError() : err));
    child.once('exit', (code) => reject(new Error(`redis-server exited at start (code ${code})`)));
  });
}

async function waitForPing(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${url}`);
    } finally {
      redis.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
