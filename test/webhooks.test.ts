import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { signBody } from '@ota/gateway';
import { generateFleet } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until } from './support/test-gateway.js';

interface Received {
  path: string;
  event: string;
  signature: string;
  body: string;
}

describe('webhooks, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('signs every campaign event, routes per campaign and event, and retries a failing receiver', async () => {
    const received: Received[] = [];
    let flakyCalls = 0;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.url === '/flaky' && flakyCalls++ === 0) {
          res.writeHead(500).end();
          return;
        }
        received.push({ path: req.url!, event: String(req.headers['x-ota-event']), signature: String(req.headers['x-ota-signature']), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    const t = await startTestGateway();
    cleanups.push(() => t.stop());
    const records = generateFleet({ count: 2, seed: 4 });
    await t.api.importVehicles(records);
    const update = await t.api.createUpdate({ name: 'w', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(8 * 1024));
    const campaign = await t.api.createCampaign({ name: 'hooks', updateId: update.id });

    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    const hook = async (body: object) => {
      const res = await fetch(`${t.httpUrl}/v1/webhooks`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string };
    };
    const everything = await hook({ url: `${base}/all`, secret: 'global-secret-0123456789' });
    const flaky = await hook({ url: `${base}/flaky`, secret: 'campaign-secret-0123456789', campaignId: campaign.id, events: ['campaign.complete'] });
    const refused = await fetch(`${t.httpUrl}/v1/webhooks`, { method: 'POST', headers, body: JSON.stringify({ url: 'ftp://x', secret: 'short' }) });
    expect(refused.status).toBe(400);

    const fleet = await startTestFleet(t, records, { timeScale: 0.001 });
    cleanups.push(() => fleet.stop());
    await t.api.startCampaign(campaign.id);

    // The failing receiver gets the completion on the second try (1 s backoff).
    await until(async () => received.some((r) => r.path === '/flaky'), 20_000, 'the retried delivery');
    const all = received.filter((r) => r.path === '/all');
    expect(all.map((r) => r.event)).toEqual(['campaign.start', 'campaign.complete']);
    for (const r of all) expect(r.signature).toBe(signBody('global-secret-0123456789', r.body));
    const completion = received.find((r) => r.path === '/flaky')!;
    expect(completion.event).toBe('campaign.complete');
    expect(completion.signature).toBe(signBody('campaign-secret-0123456789', completion.body));
    expect(JSON.parse(completion.body)).toMatchObject({ event: 'campaign.complete', campaignId: campaign.id, actor: 'system', after: { state: 'completed' } });

    // The receiver saw the request before the sender recorded its answer: wait for the record.
    type DeliveryLog = { deliveries: { status: string; attempts: number; lastStatus: number }[] };
    const log = await until(async () => {
      const l = (await (await fetch(`${t.httpUrl}/v1/webhooks/${flaky.id}/deliveries`, { headers })).json()) as DeliveryLog;
      return l.deliveries[0]?.status === 'delivered' ? l : false;
    }, 10_000, 'the delivery recorded as delivered');
    expect(log.deliveries).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, lastStatus: 204 })]);
    const allLog = (await (await fetch(`${t.httpUrl}/v1/webhooks/${everything.id}/deliveries`, { headers })).json()) as { deliveries: unknown[] };
    expect(allLog.deliveries).toHaveLength(2);
  });
});
