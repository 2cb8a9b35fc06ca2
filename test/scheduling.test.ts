import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, inWindow } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { generateFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, untilCompleted, type TestGateway } from './support/test-gateway.js';

const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('scheduling, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let t: TestGateway;
  let records: VehicleRecord[];
  beforeAll(async () => {
    t = await startTestGateway();
    cleanups.push(() => t.stop());
    records = generateFleet({ count: 12, seed: 31 });
    await t.api.importVehicles(records);
    const fleet = await startTestFleet(t, records, { timeScale: 0.001 });
    cleanups.push(() => fleet.stop());
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('starts a scheduled campaign by itself at its start time', async () => {
    const update = await t.api.createUpdate({ name: 's', version: '2.0.0', module: 'seat', bus: 'LIN', hardwareIds: ['SEAT-L1'] });
    await t.api.uploadImage(update.id, randomBytes(2048));
    const startAt = new Date(Date.now() + 2000);
    const created = await fetch(`${t.httpUrl}/v1/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'later', updateId: update.id, startAt: startAt.toISOString() }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect((await t.api.startCampaign(created.id)).state).toBe('scheduled');
    const done = await untilCompleted(t.api, created.id, 20_000, 'the scheduled campaign');
    expect(new Date(done.campaign.startedAt!).getTime()).toBeGreaterThanOrEqual(startAt.getTime());
    expect(done.counts.succeeded).toBe(12);
  });

  it('offers only inside the maintenance window in each vehicle time zone, and withdraws the rest at the end time', async () => {
    const now = new Date();
    // A window open right now in UTC+1 (Berlin, Paris in winter) and London, closed for the Americas and Asia.
    const window = { start: hhmm(new Date(now.getTime() - 30 * 60_000)), end: hhmm(new Date(now.getTime() + 90 * 60_000)) };
    const open = records.filter((r) => inWindow(now, r.timeZone, window)).map((r) => r.vin);
    const closed = records.filter((r) => !open.includes(r.vin)).map((r) => r.vin);
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);

    const update = await t.api.createUpdate({ name: 'w', version: '4.0.0', module: 'adas', bus: 'CAN_FD', hardwareIds: ['ADAS-C1'] });
    await t.api.uploadImage(update.id, randomBytes(4096));
    const endAt = new Date(Date.now() + 4000);
    const created = await fetch(`${t.httpUrl}/v1/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'window', updateId: update.id, maintenanceWindow: window, endAt: endAt.toISOString(), rollout: { errorShare: 1, successThreshold: 0 } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await t.api.startCampaign(created.id);
    const done = await untilCompleted(t.api, created.id, 30_000, 'the end time');

    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query(`SELECT vin, state, result_code, attempts FROM executions WHERE campaign_id = $1`, [created.id]);
    for (const r of rows) {
      if (open.includes(r.vin)) expect(r).toMatchObject({ state: 'succeeded', attempts: 1 });
      else expect(r).toMatchObject({ state: 'cancelled', result_code: 'CAMPAIGN_ENDED', attempts: 0 });
    }
    expect(done.counts).toMatchObject({ succeeded: open.length, cancelled: closed.length });
  });
});
