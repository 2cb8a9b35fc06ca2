import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { FlashDispatcher } from '@ota/campaign-core';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestCluster } from './support/test-cluster.js';
import { until } from './support/test-gateway.js';

describe('several gateways sharing Postgres and Redis', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('serves vehicles on either gateway, and a cancel on one reaches the jobs held by the other', async () => {
    const cluster = await startTestCluster();
    cleanups.push(() => cluster.stop());
    const { redis } = cluster;
    const [apiA, apiB] = cluster.apis;
    const records = generateFleet({ count: 8, seed: 61 });
    // Half the fleet on each gateway.
    const fleets = await cluster.fleets(records);
    // What the gateways route through Redis for these vehicles, by topic suffix (mqemitter-redis publishes
    // each MQTT message on a channel named after its topic).
    const vins = new Set(records.map((r) => r.vin));
    const throughRedis = new Map<string, number>();
    const listener = redis.redis.duplicate();
    cleanups.push(async () => listener.disconnect());
    listener.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer) => {
      const [, , vin, ...suffix] = channel.toString().split('/');
      if (vin && vins.has(vin)) throughRedis.set(suffix.join('/'), (throughRedis.get(suffix.join('/')) ?? 0) + 1);
    });
    await listener.psubscribe('ota/v1/*');

    for (const f of fleets) await f.start();

    // Started through A: A's workers offer to vehicles connected to B too, through Redis.
    const u1 = await apiA.createUpdate({ name: 'c1', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await apiA.uploadImage(u1.id, randomBytes(32 * 1024));
    const c1 = await apiA.createCampaign({ name: 'across', updateId: u1.id });
    await apiA.startCampaign(c1.id);
    await until(async () => (await apiB.campaignStatus(c1.id)).campaign.state === 'completed', 30_000, 'the campaign across gateways');
    expect((await apiB.campaignStatus(c1.id)).counts.succeeded).toBe(8);
    // Only what must cross between gateways crosses: an offer made by the gateway its vehicle is connected to
    // goes straight to it (which worker takes a job is BullMQ's choice, so the count varies; the campaign
    // completing shows the others arrived through Redis). What a vehicle asks its own gateway for, and what
    // it sends, never crosses: chunks go straight to the connection that asked, and uplinks, which nobody
    // may subscribe to, are not fanned out to every gateway.
    expect(throughRedis.get('update') ?? 0).toBeLessThanOrEqual(8);
    for (const suffix of ['chunks/data', 'chunks/req', 'progress', 'result', 'report']) expect(throughRedis.get(suffix) ?? 0, suffix).toBe(0);

    // A slow one, in flight two at a time, cancelled through B.
    for (const f of fleets) for (const v of f.vehicles) v.setTimeScale(0.5);
    const u2 = await apiA.createUpdate({ name: 'c2', version: '3.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await apiA.uploadImage(u2.id, randomBytes(256 * 1024));
    const c2 = await apiA.createCampaign({ name: 'to cancel', updateId: u2.id, maxInFlight: 2 });
    await apiA.startCampaign(c2.id);
    await until(async () => (await apiA.campaignStatus(c2.id)).counts.installing === 2 || (await apiA.campaignStatus(c2.id)).counts.downloading === 2, 30_000, 'two in flight');
    await apiB.cancelCampaign(c2.id, 'stop');
    const final = await until(async () => {
      const s = await apiA.campaignStatus(c2.id);
      return ['queued', 'offered', 'downloading', 'installing', 'installed'].every((k) => (s.counts[k] ?? 0) === 0) && s;
    }, 30_000, 'every execution to end');
    expect(final.campaign.state).toBe('cancelled');
    expect(final.counts.cancelled).toBeGreaterThanOrEqual(6);
    // No job is left holding a slot in either gateway's workers.
    const queue = new Queue(FlashDispatcher.queueName(c2.id), { connection: redis.redis, prefix: redis.prefix });
    await until(async () => (await queue.getActiveCount()) === 0, 10_000, 'active jobs to end');
    await queue.close();
  }, 120_000);
});
