import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL, createTestRedis, uniqueName } from '@ota/campaign-core/testing';
import { ensureDevTrust, ensureFleetPki, ensureVehicleCredentials } from '@ota/gateway';
import { AdminClient } from '@ota/rehearsal/admin-client';
import { SimulatedFleet, generateFleet } from '@ota/vehicle-sim';
import { proxied } from './support/cuttable-proxy.js';
import { freePort, spawnGateway } from './support/gateway-process.js';
import { until } from './support/test-gateway.js';

/**
 * Clustered, Redis carries more than the flash queues: offers to vehicles on the other gateway
 * (mqemitter-redis) and MQTT sessions (aedes-persistence-redis). Cut it mid-rollout: both gateways stay
 * up, and once it is back the rollout finishes with every vehicle updated once.
 */
describe('Redis going away under two clustered gateways', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('keeps both gateways up through the outage and finishes the rollout after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ota-cluster-outage-'));
    const schema = uniqueName('clusterout');
    const redis = await createTestRedis();
    const { proxy, url: redisUrl } = await proxied(TEST_REDIS_URL, 6379);
    const token = randomBytes(24).toString('hex');
    const shared = {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: redis.prefix,
      MQTT_CLUSTER: '1',
      MQTT_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      PKI_DIR: join(dir, 'pki'),
      DATA_DIR: join(dir, 'data'),
      ADMIN_TOKEN: token,
      CHUNK_SIZE: '16384',
      LOG_LEVEL: 'warn',
    };
    const trust = await ensureDevTrust(shared.PKI_DIR);
    const ports = { a: [await freePort(), await freePort()], b: [await freePort(), await freePort()] };
    const gateways: ChildProcess[] = [];
    cleanups.push(async () => {
      for (const g of gateways) g.kill('SIGKILL');
      await proxy.cut();
      const pool = createPool({ url: TEST_DATABASE_URL });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await redis.drop();
      await rm(dir, { recursive: true, force: true });
    });
    gateways.push(await spawnGateway({ ...shared, MQTT_PORT: String(ports.a[0]), HTTP_PORT: String(ports.a[1]) }, ports.a[1]!));
    gateways.push(await spawnGateway({ ...shared, MQTT_PORT: String(ports.b[0]), HTTP_PORT: String(ports.b[1]) }, ports.b[1]!));
    const stderr = gateways.map(() => '');
    gateways.forEach((g, i) => g.stderr?.on('data', (d: Buffer) => (stderr[i] += d.toString())));
    const apiA = new AdminClient(`http://127.0.0.1:${ports.a[1]}`, token, { releaseKey: trust.releaseKey });
    const apiB = new AdminClient(`http://127.0.0.1:${ports.b[1]}`, token);

    const records = generateFleet({ count: 10, seed: 97 });
    await apiA.importVehicles(records);
    const pki = await ensureFleetPki(shared.PKI_DIR);
    const creds = await ensureVehicleCredentials(pki, records.map((r) => r.vin));
    const fleets = [records.slice(0, 5), records.slice(5)].map(
      (rs, i) =>
        new SimulatedFleet({
          records: rs,
          gatewayUrl: `mqtts://127.0.0.1:${i === 0 ? ports.a[0] : ports.b[0]}`,
          ca: pki.caCertPem,
          credentialsFor: (vin) => ({ cert: creds.get(vin)!.certPem, key: creds.get(vin)!.keyPem }),
          trustRoot: trust.root1,
          timeScale: 0.001,
        }),
    );
    for (const f of fleets) {
      cleanups.push(() => f.stop());
      await f.start();
    }

    const update = await apiA.createUpdate({ name: 'u', version: '2.7.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await apiA.uploadImage(update.id, randomBytes(32 * 1024));
    // Two offers a second: still offering when Redis goes.
    const campaign = await apiA.createCampaign({ name: 'clustered outage', updateId: update.id, ratePerMinute: 120, executionTimeoutS: 120 });
    await apiA.startCampaign(campaign.id);
    await until(async () => ((await apiB.campaignStatus(campaign.id)).counts.succeeded ?? 0) >= 2 || false, 30_000, 'the first updates');

    await proxy.cut();
    await new Promise((r) => setTimeout(r, 4000));
    for (const [i, g] of gateways.entries()) expect(g.exitCode, `gateway ${i}: ${stderr[i]}`).toBeNull();
    expect((await apiB.campaignStatus(campaign.id)).campaign.state).toBe('running');
    await proxy.open();

    const done = await until(async () => {
      const s = await apiA.campaignStatus(campaign.id);
      return s.campaign.state === 'completed' && s;
    }, 90_000, 'the campaign, finished after Redis came back');
    expect(done.counts.succeeded).toBe(records.length);
    const pool = createPool({ url: TEST_DATABASE_URL, schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query<{ attempts: number; n: string }>('SELECT attempts, count(*) AS n FROM executions GROUP BY attempts');
    expect(rows).toEqual([{ attempts: 1, n: String(records.length) }]);
    for (const [i, g] of gateways.entries()) expect(g.exitCode, `gateway ${i}: ${stderr[i]}`).toBeNull();
    // Every error went to the gateways' logger: nothing on stderr (ioredis prints errors nobody listens for).
    expect(stderr).toEqual(['', '']);
  }, 180_000);
});
