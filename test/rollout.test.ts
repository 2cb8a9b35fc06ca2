import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@ota/campaign-core/testing';
import { runRehearsal } from '@ota/rehearsal';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until } from './support/test-gateway.js';

describe('phased rollouts, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('pauses itself in the canary when 30% of it fails, before the second phase, and says why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ota-rollout-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const summary = await runRehearsal({
      vehicles: 60,
      imageSize: 64 * 1024,
      seed: 3,
      timeScale: 0.001,
      ratePerMinute: 60_000,
      maxInFlight: 5,
      executionTimeoutS: 60,
      timeoutMs: 90_000,
      dataDir,
      mqttPort: 0,
      httpPort: 0,
      databaseUrl: TEST_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      keep: true,
      phases: '10,50%,100%',
      inject: 'install-failure=0.3',
      say: () => {},
    });
    const pool = createPool({ url: TEST_DATABASE_URL, schema: summary.schema });
    cleanups.push(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${summary.schema} CASCADE`);
      await pool.end();
    });

    expect(summary.campaignState).toBe('paused');
    expect(summary.phaseSizes).toEqual([10, 20, 30]);
    // Nothing beyond the canary was ever offered: at most its 10 vehicles (5 in flight at a time).
    expect(summary.offered).toBeLessThanOrEqual(10);
    expect(summary.pauseReason).toMatchObject({ threshold: 'error-share', phase: 0, limit: 0.1, resultCodes: { INSTALL_FAILED: expect.any(Number) } });
    expect(summary.pauseReason!.message).toMatch(/failed in phase 1 .* above the error threshold 10%/);
    const later = await pool.query(`SELECT count(*)::int AS n FROM executions WHERE phase > 0 AND offered_at IS NOT NULL`);
    expect(later.rows[0].n).toBe(0);
    const audit = await pool.query(`SELECT actor, reason FROM audit_log WHERE action = 'campaign.auto-pause'`);
    expect(audit.rows).toEqual([{ actor: 'system', reason: summary.pauseReason!.message }]);
  });

  it('holds a paused phase, resumes it, and a cancel withdraws queued vehicles at once', async () => {
    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 12, seed: 11 });
    await t.api.importVehicles(records);
    const fleet = await startTestFleet(t, records, { timeScale: 0.001 });
    cleanups.push(() => fleet.stop());

    const update = await t.api.createUpdate({ name: 'u', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(40 * 1024));
    // One vehicle a second: slow enough that the pause lands in the canary and the cancel in phase 2,
    // however loaded the machine is.
    const campaign = await t.api.createCampaign({ name: 'steer', updateId: update.id, ratePerMinute: 60, rollout: { phases: '4,100%' } });
    expect(campaign.phaseSizes).toEqual([4, 8]);

    // Follow it live, as a dashboard would: server-sent events until the campaign ends.
    const stream = await fetch(`${t.httpUrl}/v1/campaigns/${campaign.id}/events`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const eventsDone = stream.text();

    // An operator pause holds the canary's queued vehicles; nothing new is offered while paused.
    await t.api.startCampaign(campaign.id);
    await t.api.pauseCampaign(campaign.id, 'checking telemetry');
    const paused = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return ['offered', 'downloading', 'installing', 'installed'].every((k) => s.counts[k] === 0) && s;
    }, 20_000, 'in-flight vehicles to land');
    expect(paused.campaign).toMatchObject({ state: 'paused', pauseReason: { threshold: 'operator', message: 'checking telemetry' } });
    expect(paused.offered).toBeLessThanOrEqual(4);

    await t.api.resumeCampaign(campaign.id, 'telemetry fine');
    const opened = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return s.campaign.currentPhase === 1 && s;
    }, 20_000, 'second phase to open');
    expect(opened.phases[0]).toMatchObject({ size: 4, succeeded: 4 });

    const cancelled = await t.api.cancelCampaign(campaign.id, 'enough');
    expect(cancelled.state).toBe('cancelled');
    const final = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id);
      return ['queued', 'offered', 'downloading', 'installing', 'installed'].every((k) => s.counts[k] === 0) && s;
    }, 20_000, 'every execution to end');
    expect((final.counts.succeeded ?? 0) + (final.counts.cancelled ?? 0)).toBe(12);
    expect(final.counts.cancelled ?? 0).toBeGreaterThan(0);
    const events = (await eventsDone)
      .split('\n\n')
      .filter(Boolean)
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
    const actions = events.filter((e) => e.event === 'audit').map((e) => e.data.action);
    expect(actions).toEqual(['campaign.create', 'campaign.start', 'campaign.pause', 'campaign.resume', 'campaign.phase-open', 'campaign.cancel']);
    const statuses = events.filter((e) => e.event === 'status').map((e) => e.data.campaign.state);
    // Status is sampled (every 500 ms): short-lived states may be skipped, the audit events above are not.
    expect(statuses[0]).toBe('draft');
    expect(statuses.at(-1)).toBe('cancelled');

    // Cancelled vehicles kept their software; succeeded ones run the new version.
    for (const v of fleet.vehicles) {
      const bcm = v.ecus.find((e) => e.module === 'bcm')!;
      expect(['1.4.2', '2.0.0']).toContain(bcm.softwareVersion);
    }
    const db = (await t.api.getVehicle(records[0]!.vin)).ecus.find((e) => e.module === 'bcm')!;
    expect(['1.4.2', '2.0.0']).toContain(db.softwareVersion);
  });
});
