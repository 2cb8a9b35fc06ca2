import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL, createTestRedis, uniqueName } from '@ota/campaign-core/testing';
import { ensureDevTrust, ensureFleetPki, ensureVehicleCredentials, type DevTrust } from '@ota/gateway';
import { AdminClient } from '@ota/rehearsal/admin-client';
import { SimulatedFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { freePort, spawnGateway } from './gateway-process.js';

/** Two gateways as operators run them (MQTT_CLUSTER=1), sharing a schema, a Redis prefix and a data volume. */
export interface TestCluster {
  schema: string;
  redis: Awaited<ReturnType<typeof createTestRedis>>;
  trust: DevTrust;
  gateways: ChildProcess[];
  /** What each gateway wrote to stderr (pino writes to stdout: this is crashes and stray console output). */
  stderr: string[];
  /** The admin API of each; the first signs releases. */
  apis: [AdminClient, AdminClient];
  /** The vehicles, imported, the first half connected to the first gateway and the rest to the second. */
  fleets(records: VehicleRecord[]): Promise<SimulatedFleet[]>;
  stop(): Promise<void>;
}

/** `redisUrl`: how the gateways reach Redis (through a proxy a test cuts); the test's own keys use the direct one. */
export async function startTestCluster(opts: { redisUrl?: string } = {}): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'ota-cluster-'));
  const schema = uniqueName('cluster');
  const redis = await createTestRedis();
  const token = randomBytes(24).toString('hex');
  const shared = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL: opts.redisUrl ?? TEST_REDIS_URL,
    QUEUE_PREFIX: redis.prefix,
    MQTT_CLUSTER: '1',
    MQTT_HOST: '127.0.0.1',
    HTTP_HOST: '127.0.0.1',
    PKI_DIR: join(dir, 'pki'),
    DATA_DIR: join(dir, 'data'), // the image store: a volume both gateways mount
    ADMIN_TOKEN: token,
    CHUNK_SIZE: '16384',
    LOG_LEVEL: 'warn',
  };
  // The key ceremony comes first; both gateways import root 1 from PKI_DIR/trust at start.
  const trust = await ensureDevTrust(shared.PKI_DIR);
  const ports = [
    [await freePort(), await freePort()],
    [await freePort(), await freePort()],
  ] as const;
  const gateways: ChildProcess[] = [];
  const stderr = ['', ''];
  const fleets: SimulatedFleet[] = [];
  const stop = async () => {
    for (const f of fleets) await f.stop().catch(() => {});
    for (const g of gateways) g.kill('SIGKILL');
    const pool = createPool({ url: TEST_DATABASE_URL });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
    await redis.drop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [i, [mqtt, http]] of ports.entries()) {
      const g = await spawnGateway({ ...shared, MQTT_PORT: String(mqtt), HTTP_PORT: String(http) }, http);
      g.stderr?.on('data', (d: Buffer) => (stderr[i] += d.toString()));
      gateways.push(g);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const apis: [AdminClient, AdminClient] = [
    new AdminClient(`http://127.0.0.1:${ports[0][1]}`, token, { releaseKey: trust.releaseKey }),
    new AdminClient(`http://127.0.0.1:${ports[1][1]}`, token),
  ];
  return {
    schema,
    redis,
    trust,
    gateways,
    stderr,
    apis,
    async fleets(records) {
      await apis[0].importVehicles(records);
      const pki = await ensureFleetPki(shared.PKI_DIR);
      const creds = await ensureVehicleCredentials(pki, records.map((r) => r.vin));
      const half = Math.ceil(records.length / 2);
      const made = [records.slice(0, half), records.slice(half)].map(
        (rs, i) =>
          new SimulatedFleet({
            records: rs,
            gatewayUrl: `mqtts://127.0.0.1:${ports[i]![0]}`,
            ca: pki.caCertPem,
            credentialsFor: (vin) => ({ cert: creds.get(vin)!.certPem, key: creds.get(vin)!.keyPem }),
            trustRoot: trust.root1,
            timeScale: 0.001,
          }),
      );
      fleets.push(...made);
      return made;
    },
    stop,
  };
}
