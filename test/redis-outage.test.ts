import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { QUEUE_ANSWER_MS, createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@ota/campaign-core/testing';
import { generateFleet } from '@ota/vehicle-sim';
import type { CuttableProxy} from './support/cuttable-proxy.js';
import { proxied } from './support/cuttable-proxy.js';
import { startTestFleet, startTestGateway, until, untilCompleted, type TestGateway } from './support/test-gateway.js';

/**
 * Redis carries the flash queues, not the truth: Postgres does. With Redis gone, a rollout stops offering
 * but the admin API keeps answering from Postgres, and once Redis is back the rollout goes on where it
 * was, with no vehicle offered twice as a new attempt and none left behind.
 */
describe('Redis going away under the gateway', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  /** A test gateway whose Redis connections all go through a proxy the test cuts. */
  async function gatewayBehindCutRedis(): Promise<{ proxy: CuttableProxy; t: TestGateway }> {
    const { proxy, url } = await proxied(TEST_REDIS_URL, 6379);
    cleanups.push(() => proxy.cut());
    const t = await startTestGateway({ redisUrl: url });
    cleanups.push(() => t.stop());
    return { proxy, t };
  }

  /**
   * `count` vehicles imported (connected unless `offline`), an update of `version` with an image of
   * `imageBytes`, and a draft campaign for it with `campaign`'s settings.
   */
  async function draftRollout(t: TestGateway, o: { count: number; seed: number; version: string; imageBytes: number; offline?: boolean; campaign: { name: string; ratePerMinute?: number; executionTimeoutS: number } }) {
    const records = generateFleet({ count: o.count, seed: o.seed });
    await t.api.importVehicles(records);
    const fleet = o.offline ? null : await startTestFleet(t, records);
    if (fleet) cleanups.push(() => fleet.stop());
    const update = await t.api.createUpdate({ name: 'u', version: o.version, module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(o.imageBytes));
    const campaign = await t.api.createCampaign({ ...o.campaign, updateId: update.id });
    return { records, fleet: fleet!, campaign };
  }

  it('pauses the rollout while Redis is cut, answers the admin API meanwhile, and finishes it after', async () => {
    const { proxy, t } = await gatewayBehindCutRedis();

    // Two offers a second: the rollout is still offering when Redis goes.
    const { records, fleet, campaign } = await draftRollout(t, { count: 12, seed: 95, version: '2.5.0', imageBytes: 32 * 1024, campaign: { name: 'through a Redis outage', ratePerMinute: 120, executionTimeoutS: 120 } });
    await t.api.startCampaign(campaign.id);
    await until(async () => ((await t.api.campaignStatus(campaign.id)).counts.succeeded ?? 0) >= 2 || false, 20_000, 'the first updates');

    // Everything goes through the gateway's logger: BullMQ writes to the console what nobody listens for.
    const consoleErrors = vi.spyOn(console, 'error');
    cleanups.push(async () => consoleErrors.mockRestore());
    await proxy.cut();
    // Readiness says what is missing; liveness stays fine (restarting would not bring Redis back).
    const ready = await fetch(`${t.httpUrl}/v1/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, postgres: 'up', redis: 'down' });
    expect((await fetch(`${t.httpUrl}/v1/health`)).status).toBe(200);
    // Postgres answers for the campaign while its queue is unreachable.
    const during = await t.api.campaignStatus(campaign.id);
    expect(during.campaign.state).toBe('running');
    const offeredDuring = during.offered;
    // A vehicle still waiting for its offer reports twice: each report asks for its queued execution to be
    // offered (a queue command, held until Redis is back), and must not hold the vehicle's next messages.
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const waiting = await pool.query<{ vin: string; c: string }>(
      `SELECT x.vin, v.report_counter AS c FROM executions x JOIN vehicles v ON v.vin = x.vin WHERE x.state = 'queued' LIMIT 1`,
    );
    expect(waiting.rows).toHaveLength(1);
    const { vin, c: before } = waiting.rows[0]!;
    const reporter = fleet.vehicles.find((v) => v.vin === vin)!;
    const counter = async () => Number((await pool.query<{ c: string }>('SELECT report_counter AS c FROM vehicles WHERE vin = $1', [vin])).rows[0]!.c);
    await reporter.report();
    await reporter.report();
    // Report counters are not consecutive (they follow the vehicle's clock): one stored, then one more.
    const first = await until(async () => {
      const c = await counter();
      return c > Number(before) && c;
    }, 5000, 'the first report stored while Redis is away');
    await until(async () => (await counter()) > first, QUEUE_ANSWER_MS + 5000, 'the second report stored while Redis is away');
    await new Promise((r) => setTimeout(r, 3000));
    const later = await t.api.campaignStatus(campaign.id);
    expect(later.campaign.state).toBe('running');
    // Nothing new can be offered without the queue's limiter (one claim may have been on its way).
    expect(later.offered).toBeLessThanOrEqual(offeredDuring + 1);
    expect(later.offered).toBeLessThan(records.length);

    await proxy.open();
    const done = await untilCompleted(t.api, campaign.id, 60_000, 'the campaign, finished after Redis came back');
    expect(done.counts.succeeded).toBe(records.length);
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(await (await fetch(`${t.httpUrl}/v1/ready`)).json()).toEqual({ ready: true, postgres: 'up', redis: 'up' });
    const { rows } = await pool.query<{ attempts: number; n: string }>('SELECT attempts, count(*) AS n FROM executions GROUP BY attempts');
    expect(rows).toEqual([{ attempts: 1, n: String(records.length) }]);
    for (const v of fleet.vehicles) expect(v.ecus.find((e) => e.module === 'bcm')?.softwareVersion).toBe('2.5.0');
  }, 120_000);

  it('starts a campaign while Redis is cut: answers at once, and offers once Redis is back', async () => {
    const { proxy, t } = await gatewayBehindCutRedis();
    const { records, campaign } = await draftRollout(t, { count: 4, seed: 96, version: '2.6.0', imageBytes: 16 * 1024, campaign: { name: 'started in a Redis outage', executionTimeoutS: 120 } });

    await proxy.cut();
    // Committed in Postgres, its queue waiting for Redis: the operator hears so within seconds, not after it.
    const began = Date.now();
    const started = await t.api.startCampaign(campaign.id);
    expect(Date.now() - began).toBeLessThan(QUEUE_ANSWER_MS + 2000);
    expect(started.state).toBe('running');
    const status = await t.api.campaignStatus(campaign.id);
    expect(status.campaign.state).toBe('running');
    expect(status.offered).toBe(0);
    await proxy.open();
    const done = await untilCompleted(t.api, campaign.id, 60_000, 'the campaign, offered once Redis came back');
    expect(done.counts.succeeded).toBe(records.length);
  }, 120_000);

  it('rebuilds the queues from Postgres when Redis comes back empty, with its pacing', async () => {
    const { proxy, t } = await gatewayBehindCutRedis();
    const { records, campaign } = await draftRollout(t, { count: 12, seed: 98, version: '2.8.0', imageBytes: 16 * 1024, campaign: { name: 'Redis restarted empty', ratePerMinute: 120, executionTimeoutS: 120 } });
    await t.api.startCampaign(campaign.id);
    await until(async () => ((await t.api.campaignStatus(campaign.id)).counts.succeeded ?? 0) >= 2 || false, 20_000, 'the first updates');

    // Redis restarts with nothing on disk: the connections drop, and the jobs, delayed retries and
    // limiter settings are gone when they come back.
    await proxy.cut();
    await t.forgetRedis();
    await proxy.open();
    const done = await untilCompleted(t.api, campaign.id, 60_000, 'the campaign, its queue rebuilt from Postgres');
    expect(done.counts.succeeded).toBe(records.length);
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query<{ attempts: number; n: string }>('SELECT attempts, count(*) AS n FROM executions GROUP BY attempts');
    expect(rows).toEqual([{ attempts: 1, n: String(records.length) }]);
    // Still two a second after the rebuild: the limiter came back with the queue.
    const offered = await pool.query<{ at: Date }>('SELECT offered_at AS at FROM executions ORDER BY offered_at');
    const times = offered.rows.map((r) => r.at.getTime());
    const densest = Math.max(...times.map((t0) => times.filter((t1) => t1 >= t0 && t1 < t0 + 1000).length));
    expect(densest).toBeLessThanOrEqual(3);
  }, 120_000);

  it('times out an execution in flight whose job is gone, and lets its campaign decide', async () => {
    const { t } = await gatewayBehindCutRedis();
    // No vehicle connects: the executions stay queued, their jobs waiting for the vehicles to report.
    const { campaign } = await draftRollout(t, { count: 2, seed: 99, version: '2.9.1', imageBytes: 8 * 1024, offline: true, campaign: { name: 'lost jobs', executionTimeoutS: 30 } });
    await t.api.startCampaign(campaign.id);
    // What a Redis that lost its data and a gateway restart leave behind: executions in flight in Postgres,
    // offered long ago, with no job anywhere to time them out.
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    await until(async () => ((await pool.query(`SELECT 1 FROM executions WHERE state = 'queued'`)).rowCount ?? 0) === 2 || false, 10_000, 'queued executions');
    await t.forgetRedis();
    await pool.query(`UPDATE executions SET state = 'downloading', attempts = 1, offered_at = now() - interval '95 seconds'`);

    // 95 s after the offer: past the 30 s timeout and the 60 s grace.
    expect(await t.gateway.sweepOverdue()).toBe(2);
    const { rows } = await pool.query<{ state: string; result_code: string; detail: string }>('SELECT state, result_code, result_detail AS detail FROM executions');
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({ state: 'timed_out', result_code: 'TIMED_OUT' });
      expect(r.detail).toMatch(/^no result within 30 s \(found by the overdue sweep/);
    }
    expect(await t.gateway.sweepOverdue()).toBe(0);
    // No longer running for ever: its gate sees two failures, and pauses it with the reason.
    const decided = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return s.campaign.state !== 'running' && s;
    }, 10_000, 'the campaign to decide');
    expect(decided.campaign.state).toBe('paused');
    expect(JSON.stringify(decided.campaign.pauseReason)).toContain('"failed":2');
  }, 60_000);
});
