import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until } from './support/test-gateway.js';

describe('priority between campaigns, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('lets a critical campaign overtake a routine one when the shared capacity is full, never exceeding it', async () => {
    const t = await startTestGateway({ fleetMaxInFlight: 2 });
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 10, seed: 51 });
    await t.api.importVehicles(records);
    const fleet = await startTestFleet(t, records, { timeScale: 0.05 }); // ~0.25 s per flash: a queue forms behind 2 slots
    cleanups.push(() => fleet.stop());

    const routineUpdate = await t.api.createUpdate({ name: 'r', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    const criticalUpdate = await t.api.createUpdate({ name: 'c', version: '4.0.0', module: 'adas', bus: 'CAN_FD', hardwareIds: ['ADAS-C1'] });
    await t.api.uploadImage(routineUpdate.id, randomBytes(16 * 1024));
    await t.api.uploadImage(criticalUpdate.id, randomBytes(16 * 1024));
    const routine = await t.api.createCampaign({ name: 'routine', updateId: routineUpdate.id, priority: 'low' });
    const critical = await t.api.createCampaign({ name: 'fix', updateId: criticalUpdate.id, priority: 'critical' });
    await t.api.startCampaign(routine.id);
    await until(async () => ((await t.api.campaignStatus(routine.id)).counts.succeeded ?? 0) >= 2, 20_000, 'routine under way');
    await t.api.startCampaign(critical.id);
    for (const id of [routine.id, critical.id]) {
      await until(async () => (await t.api.campaignStatus(id)).campaign.state === 'completed', 30_000, `campaign ${id}`);
    }

    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query(`SELECT campaign_id, offered_at, finished_at FROM executions`);
    const span = (id: string) => rows.filter((r) => r.campaign_id === id).map((r) => ({ on: +r.offered_at, off: +r.finished_at }));
    // Never more than 2 vehicles in flight, both campaigns together.
    const edges = rows.flatMap((r) => [
      { at: +r.offered_at, d: 1 },
      { at: +r.finished_at, d: -1 },
    ]);
    edges.sort((a, b) => a.at - b.at || a.d - b.d);
    let inFlight = 0;
    let peak = 0;
    for (const e of edges) peak = Math.max(peak, (inFlight += e.d));
    expect(peak).toBeLessThanOrEqual(2);
    // Once the critical campaign had vehicles waiting, no routine vehicle took a slot until they all had one.
    const criticalStart = Math.min(...span(critical.id).map((s) => s.on));
    const lastCriticalOffer = Math.max(...span(critical.id).map((s) => s.on));
    const overtaken = span(routine.id).filter((s) => s.on > criticalStart && s.on < lastCriticalOffer);
    expect(overtaken).toEqual([]);
    expect(span(routine.id).filter((s) => s.on > lastCriticalOffer).length).toBeGreaterThan(0);
  });
});
