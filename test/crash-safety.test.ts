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
import { freePort, spawnGateway } from './support/gateway-process.js';
import { until } from './support/test-gateway.js';

describe('crash safety', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('a gateway SIGKILLed mid-rollout restarts and completes it: nothing lost, nothing twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ota-crash-'));
    const schema = uniqueName('crash');
    const redis = await createTestRedis();
    const [mqttPort, httpPort] = [await freePort(), await freePort()];
    const token = randomBytes(24).toString('hex');
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: redis.prefix,
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: String(mqttPort),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(httpPort),
      PKI_DIR: join(dir, 'pki'),
      DATA_DIR: join(dir, 'data'),
      ADMIN_TOKEN: token,
      CHUNK_SIZE: '16384',
      LOG_LEVEL: 'warn',
    };
    // The key ceremony comes first; the gateway imports root 1 from PKI_DIR/trust at start.
    const trust = await ensureDevTrust(env.PKI_DIR);
    let gateway: ChildProcess = await spawnGateway(env, httpPort);
    cleanups.push(async () => {
      gateway.kill('SIGKILL');
      const pool = createPool({ url: TEST_DATABASE_URL });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await redis.drop();
      await rm(dir, { recursive: true, force: true });
    });

    const records = generateFleet({ count: 30, seed: 21 });
    const pki = await ensureFleetPki(env.PKI_DIR);
    const creds = await ensureVehicleCredentials(pki, records.map((r) => r.vin));
    const fleet = new SimulatedFleet({
      records,
      gatewayUrl: `mqtts://127.0.0.1:${mqttPort}`,
      ca: pki.caCertPem,
      credentialsFor: (vin) => ({ cert: creds.get(vin)!.certPem, key: creds.get(vin)!.keyPem }),
      trustRoot: trust.root1,
      timeScale: 0.1, // a 256 KiB flash on CAN takes ~1.7 s: plenty in flight when the gateway dies
    });
    cleanups.push(() => fleet.stop());
    const api = new AdminClient(`http://127.0.0.1:${httpPort}`, token, { releaseKey: trust.releaseKey });
    await api.importVehicles(records); // manufacturing data first, as on the line
    await fleet.start();
    const update = await api.createUpdate({ name: 'crash', version: '3.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await api.uploadImage(update.id, randomBytes(256 * 1024));
    const campaign = await api.createCampaign({
      name: 'crash',
      updateId: update.id,
      maxInFlight: 8,
      ratePerMinute: 60_000,
      executionTimeoutS: 120,
      rollout: { phases: '5,100%' },
    });
    await api.startCampaign(campaign.id);

    // Kill it in the second phase, with vehicles downloading and flashing.
    await until(async () => {
      const s = await api.campaignStatus(campaign.id);
      return s.campaign.currentPhase === 1 && (s.counts.succeeded ?? 0) >= 8 && (s.counts.succeeded ?? 0) < 25;
    }, 60_000, 'the second phase to be under way');
    gateway.kill('SIGKILL');
    await new Promise((r) => gateway.once('exit', r));
    gateway = await spawnGateway(env, httpPort);

    const final = await until(async () => {
      const s = await api.campaignStatus(campaign.id);
      return s.campaign.state !== 'running' && s;
    }, 120_000, 'the campaign to finish after the restart');
    expect(final.campaign.state).toBe('completed');
    expect(final.counts.succeeded).toBe(30);

    // Every vehicle flashed exactly once, and runs the new version.
    for (const v of fleet.vehicles) {
      expect({ vin: v.vin, flashes: v.stats.flashes }).toEqual({ vin: v.vin, flashes: 1 });
      expect(v.ecus.find((e) => e.module === 'bcm')!.softwareVersion).toBe('3.0.0');
    }
    // Every execution was offered once and succeeded once: none lost, none counted twice.
    const pool = createPool({ url: TEST_DATABASE_URL, schema });
    const { rows } = await pool.query(
      `SELECT execution_id, count(*) FILTER (WHERE to_state = 'offered')::int AS offered,
              count(*) FILTER (WHERE to_state = 'succeeded')::int AS succeeded
       FROM execution_transitions GROUP BY execution_id`,
    );
    await pool.end();
    expect(rows).toHaveLength(30);
    for (const r of rows) expect(r).toMatchObject({ offered: 1, succeeded: 1 });
  }, 200_000);
});
