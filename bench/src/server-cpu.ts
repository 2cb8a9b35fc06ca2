import { Redis } from 'ioredis';
import pg from 'pg';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { processCpuMs } from './proc-stats.js';

/**
 * CPU time spent by the Postgres backends of one gateway, found by application_name in pg_stat_activity and
 * read from /proc/<pid>/schedstat. Sampled every 200 ms so that backends the pool opens and closes in between
 * are counted too (a backend that lives less than one sample period is missed).
 */
export class PostgresBackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });

  constructor(private readonly applicationName: string) {}

  async start(): Promise<void> {
    await this.sample(true);
    this.timer = setInterval(() => void this.sample(false).catch(() => {}), 200);
  }

  /** CPU ms since start(), and how many backends took part. */
  async stop(): Promise<{ cpuMs: number; backends: number }> {
    if (this.timer) clearInterval(this.timer);
    await this.sample(false);
    await this.pool.end();
    let cpuMs = 0;
    for (const [pid, now] of this.last) cpuMs += now - (this.first.get(pid) ?? 0);
    return { cpuMs, backends: this.last.size };
  }

  private async sample(initial: boolean): Promise<void> {
    const { rows } = await this.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [this.applicationName]);
    for (const { pid } of rows) {
      const cpu = await processCpuMs(pid).catch(() => null);
      if (cpu === null) continue;
      if (initial) this.first.set(pid, cpu);
      this.last.set(pid, cpu);
    }
  }
}

/** used_cpu_user + used_cpu_sys of a redis-server, in ms (INFO cpu). */
export async function redisCpuMs(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
  } finally {
    redis.disconnect();
  }
}

/** What the control plane behind a gateway spent, from start() on: its Postgres backends and its Redis. */
export interface ControlPlaneCpu {
  postgresCpuMs: number;
  postgresBackends: number;
  redisCpuMs: number;
}

/** Starts counting the CPU of the gateway's Postgres backends and of its private redis-server. */
export async function controlPlaneMeter(gw: { applicationName: string; redisUrl: string }): Promise<() => Promise<ControlPlaneCpu>> {
  const postgres = new PostgresBackendCpu(gw.applicationName);
  await postgres.start();
  const redisBefore = await redisCpuMs(gw.redisUrl);
  return async () => {
    const { cpuMs, backends } = await postgres.stop();
    return { postgresCpuMs: cpuMs, postgresBackends: backends, redisCpuMs: (await redisCpuMs(gw.redisUrl)) - redisBefore };
  };
}
