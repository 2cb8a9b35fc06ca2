import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

describe('GET /v1/metrics, for Prometheus', () => {
  let t: TestGateway;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it("serves this gateway's counters, Node's, and the executions of running campaigns by state", async () => {
    t = await startTestGateway();
    cleanups.push(() => t.stop());
    const [online, ...offline] = generateFleet({ count: 3, seed: 99 });
    await t.api.importVehicles([online!, ...offline]);
    const fleet = await startTestFleet(t, [online!]);
    cleanups.push(() => fleet.stop());
    const update = await t.api.createUpdate({ name: 'u', version: '2.9.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(20 * 1024));
    // One vehicle connected, two never: the campaign stays running with two queued.
    const campaign = await t.api.createCampaign({ name: 'metrics "quoted"', updateId: update.id });
    await t.api.startCampaign(campaign.id);
    await until(async () => (await t.api.campaignStatus(campaign.id)).counts.succeeded === 1, 20_000, 'the connected vehicle updated');

    expect((await fetch(`${t.httpUrl}/v1/metrics`)).status).toBe(401);
    const res = await fetch(`${t.httpUrl}/v1/metrics`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const label = `campaign="${campaign.id}",name="metrics \\"quoted\\""`;
    expect(text).toContain(`ota_campaign_executions{${label},state="queued"} 2`);
    expect(text).toContain(`ota_campaign_executions{${label},state="succeeded"} 1`);
    expect(text).toMatch(/^ota_campaign_executions_read 1$/m);
    expect(text).toMatch(/^ota_gateway_connections_total 1$/m);
    expect(text).toMatch(/^ota_gateway_offers_sent_total 1$/m);
    expect(text).toMatch(/^ota_gateway_bytes_sent_total 20480$/m);
    expect(text).toMatch(/^ota_gateway_process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^ota_gateway_nodejs_eventloop_lag_p99_seconds \d/m);
  }, 60_000);
});
