import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@ota/campaign-core/testing';
import { runRehearsal } from '@ota/rehearsal';

describe('rollout rehearsal, end to end', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('updates 5 virtual vehicles over mutual TLS and completes the campaign', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ota-rehearsal-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const summary = await runRehearsal({
      vehicles: 5,
      imageSize: 256 * 1024,
      seed: 7,
      timeScale: 0.001,
      ratePerMinute: 6000,
      maxInFlight: 5,
      executionTimeoutS: 60,
      timeoutMs: 90_000,
      dataDir,
      mqttPort: 0,
      httpPort: 0,
      databaseUrl: TEST_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      keep: true,
      say: (line) => lines.push(line),
    });
    const pool = createPool({ url: TEST_DATABASE_URL, schema: summary.schema });
    cleanups.push(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${summary.schema} CASCADE`);
      await pool.end();
    });

    expect(summary).toMatchObject({
      vehicles: 5,
      eligible: 5,
      succeeded: 5,
      failed: 0,
      campaignState: 'completed',
      onNewVersion: 5,
      byState: { succeeded: 5 },
    });
    // Every chunk of the image went to every vehicle once.
    expect(summary.bytesSent).toBe(5 * 256 * 1024);

    // The database says the same, independently of the summary.
    const ecus = await pool.query(
      `SELECT ec.vin, ec.software_version FROM ecus ec JOIN executions e ON e.vin = ec.vin AND e.ecu_serial = ec.serial`,
    );
    expect(ecus.rows).toHaveLength(5);
    for (const row of ecus.rows) expect(row.software_version).toBe(summary.updateVersion);
    const transitions = await pool.query(
      `SELECT to_state, count(*)::int AS n FROM execution_transitions GROUP BY to_state ORDER BY to_state`,
    );
    expect(Object.fromEntries(transitions.rows.map((r) => [r.to_state, r.n]))).toMatchObject({ offered: 5, succeeded: 5 });
    const audit = await pool.query(`SELECT action FROM audit_log ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual([
      // Root 1 from the key ceremony, imported when the gateway started on a fresh schema.
      'trust.root',
      'vehicles.import',
      'update.create',
      'update.upload',
      // The release engineer's signature over the image's entry.
      'update.release',
      'campaign.create',
      'campaign.start',
      'campaign.complete',
    ]);
  });

  it('resumes downloads cut by a lost link: everyone updates, and at most one window is sent again per reconnect', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ota-rehearsal-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const summary = await runRehearsal({
      vehicles: 20,
      imageSize: 512 * 1024,
      seed: 9,
      timeScale: 0.001,
      ratePerMinute: 60_000,
      maxInFlight: 20,
      executionTimeoutS: 60,
      timeoutMs: 90_000,
      dataDir,
      mqttPort: 0,
      httpPort: 0,
      databaseUrl: TEST_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      keep: false,
      inject: 'disconnect=0.3',
      say: () => {},
    });
    expect(summary).toMatchObject({ campaignState: 'completed', succeeded: 20, onNewVersion: 20 });
    expect(summary.reconnects).toBeGreaterThan(0);
    const window = 4 * 64 * 1024; // chunks in flight x chunk size
    expect(summary.bytesResent).toBeLessThanOrEqual(summary.reconnects * window);
    expect(summary.bytesSent).toBe(20 * 512 * 1024 + summary.bytesResent);
    // Twenty vehicles, resends included, and the image came off the disk once: one read per chunk.
    expect(summary.imageChunks).toBe(8);
    expect(summary.chunkDiskReads).toBe(summary.imageChunks);
  });
});
