import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { generateFleet, strikes } from '@ota/vehicle-sim';
import { losingFirstOffers, startTestFleet, startTestGateway, until, untilCompleted } from './support/test-gateway.js';

describe('per-vehicle execution, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('retries transient failures after a backoff, and offers offline vehicles when they come back, without burning attempts', async () => {
    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 10, seed: 8 });
    await t.api.importVehicles(records);
    const faults = { 'low-battery': 0.5 };
    const [late, ...online] = records;
    const fleetOf = (rs: typeof records) => startTestFleet(t, rs, { faults, faultSeed: 8 });
    const fleet = await fleetOf(online);
    cleanups.push(() => fleet.stop());

    const update = await t.api.createUpdate({ name: 'u', version: '2.1.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(20 * 1024));
    const campaign = await t.api.createCampaign({
      name: 'retries',
      updateId: update.id,
      retry: { maxAttempts: 3, backoffS: 0.5, factor: 2 },
      rollout: { errorShare: 0.5, successThreshold: 1 },
    });
    await t.api.startCampaign(campaign.id);

    // Everyone online finishes; the offline vehicle waits, queued, with no attempt spent.
    await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return s.counts.succeeded === 9 && s;
    }, 30_000, 'the online vehicles');
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const waiting = await pool.query(`SELECT state, attempts FROM executions WHERE vin = $1`, [late!.vin]);
    expect(waiting.rows).toEqual([{ state: 'queued', attempts: 0 }]);
    expect((await t.api.campaignStatus(campaign.id)).campaign.state).toBe('running');

    const lateFleet = await fleetOf([late!]);
    cleanups.push(() => lateFleet.stop());
    const done = await untilCompleted(t.api, campaign.id, 30_000, 'the late vehicle and the campaign');
    expect(done.counts.succeeded).toBe(10);

    // Vehicles hit by the low battery needed exactly two attempts, the others one.
    const attempts = await pool.query(`SELECT vin, attempts FROM executions`);
    const hit = records.filter((r) => strikes(faults, 'low-battery', r.vin, 8)).map((r) => r.vin);
    expect(hit.length).toBeGreaterThan(0);
    for (const row of attempts.rows) expect({ vin: row.vin, attempts: row.attempts }).toEqual({ vin: row.vin, attempts: hit.includes(row.vin) ? 2 : 1 });
    const waits = await pool.query(`SELECT count(*)::int AS n FROM execution_transitions WHERE to_state = 'retry_wait'`);
    expect(waits.rows[0].n).toBe(hit.length);
  });

  it('offers again what a vehicle never took up, without spending an attempt, long before the execution times out', async () => {
    const t = await startTestGateway({ offerResendS: 1 });
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 3, seed: 21 });
    await t.api.importVehicles(records);
    // Each vehicle's first offer is lost after its PUBACK: nothing tells the gateway.
    const { connect, lost } = losingFirstOffers();
    const fleet = await startTestFleet(t, records, { connect });
    cleanups.push(() => fleet.stop());
    const update = await t.api.createUpdate({ name: 'u', version: '2.3.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(8 * 1024));
    const campaign = await t.api.createCampaign({ name: 'lost offers', updateId: update.id, executionTimeoutS: 120 });
    const started = Date.now();
    await t.api.startCampaign(campaign.id);
    const done = await untilCompleted(t.api, campaign.id, 30_000, 'the campaign, its lost offers sent again');
    expect(Date.now() - started).toBeLessThan(30_000); // the execution timeout (120 s) did not decide it
    expect(done.counts.succeeded).toBe(3);
    expect(lost.size).toBe(3);
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    // The same offer again: one attempt, offered once in the log, a fresh manifest counter for the resend.
    const rows = (await pool.query(`SELECT e.attempts, v.manifest_counter,
        (SELECT count(*)::int FROM execution_transitions x WHERE x.execution_id = e.id AND x.to_state = 'offered') AS offered
      FROM executions e JOIN vehicles v USING (vin)`)).rows;
    for (const r of rows) {
      expect(r).toMatchObject({ attempts: 1, offered: 1 });
      expect(Number(r.manifest_counter)).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets a vehicle registered after the start join a dynamic campaign and update', async () => {
    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const [first, second, newcomer] = generateFleet({ count: 3, seed: 12 });
    await t.api.importVehicles([first!, second!]);
    const fleetOf = async (rs: NonNullable<typeof first>[]) => {
      const f = await startTestFleet(t, rs);
      cleanups.push(() => f.stop());
      return f;
    };
    await fleetOf([first!, second!]);
    const update = await t.api.createUpdate({ name: 'dyn', version: '2.2.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(10 * 1024));
    const campaign = await t.api.createCampaign({ name: 'dynamic', updateId: update.id, dynamic: true });
    expect(campaign.eligible).toBe(2);
    await t.api.startCampaign(campaign.id);
    await until(async () => (await t.api.campaignStatus(campaign.id)).counts.succeeded === 2, 20_000, 'the first two');

    // A new registration, then its first connection: it joins the running campaign and is updated.
    await t.api.importVehicles([newcomer!]);
    const late = await fleetOf([newcomer!]);
    await until(async () => (await t.api.campaignStatus(campaign.id)).counts.succeeded === 3, 20_000, 'the newcomer');
    expect(late.vehicles[0]!.ecus.find((e) => e.module === 'bcm')!.softwareVersion).toBe('2.2.0');
    // A dynamic campaign does not complete on its own while it keeps taking newcomers.
    expect((await t.api.campaignStatus(campaign.id)).campaign.state).toBe('running');
  });

  it('asks the driver only when consent is required: a decline is a rejection, a postponement comes back later', async () => {
    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 12, seed: 13 });
    await t.api.importVehicles(records);
    const faults = { 'consent-decline': 0.25, 'consent-postpone': 0.4 };
    const fleet = await startTestFleet(t, records, { faults, faultSeed: 13 });
    cleanups.push(() => fleet.stop());
    const declined = records.filter((r) => strikes(faults, 'consent-decline', r.vin, 13)).map((r) => r.vin);
    const postponed = records.filter((r) => !declined.includes(r.vin) && strikes(faults, 'consent-postpone', r.vin, 13)).map((r) => r.vin);
    expect(declined.length).toBeGreaterThan(0);
    expect(postponed.length).toBeGreaterThan(0);

    const run = async (module: 'bcm' | 'adas', version: string, consent: 'forced' | 'required') => {
      const hw = module === 'bcm' ? 'BCM-H2' : 'ADAS-C1';
      const update = await t.api.createUpdate({ name: module, version, module, bus: module === 'bcm' ? 'CAN' : 'CAN_FD', hardwareIds: [hw] });
      await t.api.uploadImage(update.id, randomBytes(8 * 1024));
      const campaign = await t.api.createCampaign({ name: `${module} ${consent}`, updateId: update.id, consent, retry: { backoffS: 0.3 } });
      await t.api.startCampaign(campaign.id);
      return untilCompleted(t.api, campaign.id, 30_000, `${consent} campaign`).then((s) => ({ id: campaign.id, status: s }));
    };

    // Required: declines end rejected (and pause nothing), postponements are offered again and succeed.
    const asked = await run('bcm', '2.0.0', 'required');
    expect(asked.status.counts).toMatchObject({ rejected: declined.length, succeeded: 12 - declined.length, failed: 0 });
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const rows = (await pool.query(`SELECT vin, state, attempts, result_code FROM executions WHERE campaign_id = $1`, [asked.id])).rows;
    for (const r of rows) {
      if (declined.includes(r.vin)) expect(r).toMatchObject({ state: 'rejected', result_code: 'CONSENT_DECLINED', attempts: 1 });
      else expect(r).toMatchObject({ state: 'succeeded', attempts: postponed.includes(r.vin) ? 2 : 1 });
    }
    // Forced: nobody is asked, everybody installs on the first offer.
    const forced = await run('adas', '4.0.0', 'forced');
    expect(forced.status.counts).toMatchObject({ succeeded: 12, rejected: 0 });
  });
});
