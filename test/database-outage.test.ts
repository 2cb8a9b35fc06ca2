import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { generateFleet, type SimulatedFleet } from '@ota/vehicle-sim';
import type { CuttableProxy} from './support/cuttable-proxy.js';
import { proxied } from './support/cuttable-proxy.js';
import { losingFirstOffers, startTestFleet, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

describe('Postgres going away under the gateway', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  /** A test gateway whose Postgres connections all go through a CuttableProxy. */
  async function gatewayBehindProxy(opts: { offerResendS?: number } = {}): Promise<{ proxy: CuttableProxy; t: TestGateway }> {
    const { proxy, url } = await proxied(TEST_DATABASE_URL, 5432);
    cleanups.push(() => proxy.cut());
    const t = await startTestGateway({ ...opts, databaseUrl: url });
    cleanups.push(() => t.stop());
    return { proxy, t };
  }

  it('loses no version report: the vehicle sends a fresh one after the refusal, and it lands once Postgres is back', async () => {
    const { proxy, t } = await gatewayBehindProxy();
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const [record] = generateFleet({ count: 1, seed: 91 });
    await t.api.importVehicles([record!]);
    const fleet: SimulatedFleet = await startTestFleet(t, [record!]);
    cleanups.push(() => fleet.stop());
    const vehicle = fleet.vehicles[0]!;
    const counterOf = async () =>
      Number((await pool.query<{ c: string }>('SELECT report_counter AS c FROM vehicles WHERE vin = $1', [record!.vin])).rows[0]!.c);
    const first = await until(async () => (await counterOf()) || false, 10_000, 'the report at connect');

    const refused: string[] = [];
    vehicle.on('rejected', (r: { topic: string; reason: string }) => refused.push(`${r.topic.split('/').pop()} ${r.reason}`));
    await proxy.cut();
    const ready = await fetch(`${t.httpUrl}/v1/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, postgres: 'down', redis: 'up' });
    // The scrape still serves this process's metrics, and says the campaign counts could not be read.
    const scrape = await fetch(`${t.httpUrl}/v1/metrics`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(scrape.status).toBe(200);
    const metrics = await scrape.text();
    expect(metrics).toMatch(/^ota_gateway_connections_total 1$/m);
    expect(metrics).toMatch(/^ota_campaign_executions_read 0$/m);
    expect(metrics).not.toMatch(/^ota_campaign_executions\{/m);
    await vehicle.report();
    await until(async () => refused.includes('report OTA_ERR_UNAVAILABLE'), 10_000, 'the refusal of the report');
    expect(await counterOf()).toBe(first); // nothing could be stored
    await new Promise((r) => setTimeout(r, 1500)); // the first resend falls into the outage too
    await proxy.open();

    // Back: a later resend is stored, on the same connection, without the vehicle reconnecting.
    const after = await until(async () => {
      const c = await counterOf();
      return c > first ? c : false;
    }, 60_000, 'a report stored after the outage');
    expect(after).toBeGreaterThan(first);
    expect(vehicle.stats.reportRetries).toBeGreaterThanOrEqual(1);
    expect(vehicle.stats.reconnects).toBe(0);
  }, 90_000);

  it('sends a lost offer again once Postgres is back, when the resends fell into the outage', async () => {
    const { proxy, t } = await gatewayBehindProxy({ offerResendS: 1 });
    const [record] = generateFleet({ count: 1, seed: 92 });
    await t.api.importVehicles([record!]);
    // The vehicle's first offer is lost after its PUBACK; the test hears of it.
    const { connect, firstLost } = losingFirstOffers();
    const fleet = await startTestFleet(t, [record!], { connect });
    cleanups.push(() => fleet.stop());
    const update = await t.api.createUpdate({ name: 'u', version: '2.4.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(8 * 1024));
    const campaign = await t.api.createCampaign({ name: 'lost in an outage', updateId: update.id, executionTimeoutS: 120 });
    await t.api.startCampaign(campaign.id);
    await firstLost;
    // Postgres away for the resends due after 1 s and 3 s: they cannot read the execution, and say so.
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 3500));
    await proxy.open();
    const done = await until(async () => {
      const s = await t.api.campaignStatus(campaign.id).catch(() => null);
      return s?.campaign.state === 'completed' && s;
    }, 30_000, 'the campaign, its offer sent again after the outage');
    expect(done.counts.succeeded).toBe(1);
    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query('SELECT attempts, state FROM executions');
    expect(rows).toEqual([{ attempts: 1, state: 'succeeded' }]);
  }, 90_000);
});
