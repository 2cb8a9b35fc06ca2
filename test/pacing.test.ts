import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, densestWindow as densest } from '@ota/campaign-core/testing';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until } from './support/test-gateway.js';

describe('pacing, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('holds the dispatch rate in every sliding second and the in-flight cap, and takes a new rate while running', async () => {
    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 60, seed: 5 });
    await t.api.importVehicles(records);
    const fleet = await startTestFleet(t, records, { timeScale: 0.002 });
    cleanups.push(() => fleet.stop());

    // Two campaigns at once on different ECUs: one paced by rate, one by the in-flight cap.
    const bcm = await t.api.createUpdate({ name: 'bcm', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    const adas = await t.api.createUpdate({ name: 'adas', version: '4.0.0', module: 'adas', bus: 'CAN_FD', hardwareIds: ['ADAS-C1'] });
    await t.api.uploadImage(bcm.id, randomBytes(16 * 1024));
    await t.api.uploadImage(adas.id, randomBytes(16 * 1024));
    const byRate = await t.api.createCampaign({ name: 'rate', updateId: bcm.id, ratePerMinute: 1200, maxInFlight: 100, rollout: { successThreshold: 1 } });
    const byCap = await t.api.createCampaign({ name: 'cap', updateId: adas.id, ratePerMinute: 600_000, maxInFlight: 3, rollout: { successThreshold: 1 } });
    await t.api.startCampaign(byRate.id);
    await t.api.startCampaign(byCap.id);
    await new Promise((r) => setTimeout(r, 1500));
    const changedAt = Date.now();
    await t.api.changePacing(byRate.id, { ratePerMinute: 2400 });

    for (const id of [byRate.id, byCap.id]) {
      await until(async () => (await t.api.campaignStatus(id)).campaign.state === 'completed', 60_000, `campaign ${id}`);
    }

    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const offers = async (id: string) =>
      (await pool.query(`SELECT offered_at, finished_at FROM executions WHERE campaign_id = $1`, [id])).rows.map((r) => ({
        offered: (r.offered_at as Date).getTime(),
        finished: (r.finished_at as Date).getTime(),
      }));
    const rate = await offers(byRate.id);
    const before = rate.filter((o) => o.offered < changedAt - 100).map((o) => o.offered);
    const after = rate.filter((o) => o.offered > changedAt + 100).map((o) => o.offered);
    // 20/s, then 40/s: never more than 1.1x in any sliding second.
    expect(densest(before, 1000)).toBeLessThanOrEqual(22);
    expect(densest(after, 1000)).toBeLessThanOrEqual(44);
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(0);

    // Never more than 3 vehicles between offer and final state at once.
    const cap = await offers(byCap.id);
    const edges = cap.flatMap((o) => [
      { at: o.offered, d: 1 },
      { at: o.finished, d: -1 },
    ]);
    edges.sort((a, b) => a.at - b.at || a.d - b.d);
    let inFlight = 0;
    let peak = 0;
    for (const e of edges) peak = Math.max(peak, (inFlight += e.d));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(0);
  });
});
