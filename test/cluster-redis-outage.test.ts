import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@ota/campaign-core/testing';
import { generateFleet } from '@ota/vehicle-sim';
import { proxied } from './support/cuttable-proxy.js';
import { startTestCluster } from './support/test-cluster.js';
import { until, untilCompleted } from './support/test-gateway.js';

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
    const { proxy, url: redisUrl } = await proxied(TEST_REDIS_URL, 6379);
    cleanups.push(() => proxy.cut());
    const cluster = await startTestCluster({ redisUrl });
    cleanups.push(() => cluster.stop());
    const { gateways, stderr } = cluster;
    const [apiA, apiB] = cluster.apis;
    const records = generateFleet({ count: 10, seed: 97 });
    for (const f of await cluster.fleets(records)) await f.start();

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

    const done = await untilCompleted(apiA, campaign.id, 90_000, 'the campaign, finished after Redis came back');
    expect(done.counts.succeeded).toBe(records.length);
    const pool = createPool({ url: TEST_DATABASE_URL, schema: cluster.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query<{ attempts: number; n: string }>('SELECT attempts, count(*) AS n FROM executions GROUP BY attempts');
    expect(rows).toEqual([{ attempts: 1, n: String(records.length) }]);
    for (const [i, g] of gateways.entries()) expect(g.exitCode, `gateway ${i}: ${stderr[i]}`).toBeNull();
    // Every error went to the gateways' logger: nothing on stderr (ioredis prints errors nobody listens for).
    expect(stderr).toEqual(['', '']);
  }, 180_000);
});
