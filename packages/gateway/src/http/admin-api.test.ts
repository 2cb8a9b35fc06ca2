import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ota } from '@ota/proto';
import { signReleaseEntry } from '../trust/ceremony.js';
import { startTestAdminApi } from './test-admin-api.js';

const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const VIN = '1M8GDM9AXKP042788';

const vehicle = {
  vin: VIN,
  engineNumber: 'E123',
  chassisNumber: 'C123',
  model: 'Aster',
  region: 'EU',
  ecus: [{ module: 'bcm', serial: 'BCM-1', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.4.2' }],
};

describe('admin API', () => {
  let api: Awaited<ReturnType<typeof startTestAdminApi>>;
  let app: FastifyInstance;
  let dispatched: Awaited<ReturnType<typeof startTestAdminApi>>['dispatched'];

  beforeAll(async () => {
    api = await startTestAdminApi(TOKEN, 'alice');
    ({ app, dispatched } = api);
  });
  afterAll(async () => api.stop());

  it('refuses requests without a valid bearer token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }]) {
      const res = await app.inject({ method: 'GET', url: `/v1/vehicles/${VIN}`, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('OTA_ERR_UNAUTHORIZED');
    }
    expect((await app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
  });

  it('answers bad input with a 4xx and a stable code, never a 500', async () => {
    const cases = [
      { method: 'POST', url: '/v1/vehicles/import', payload: { vehicles: [{ ...vehicle, vin: 'SHORT' }] }, code: 'OTA_ERR_VALIDATION' },
      { method: 'POST', url: '/v1/vehicles/import', payload: '{"vehicles": [', code: 'OTA_ERR_VALIDATION' },
      { method: 'POST', url: '/v1/vehicles/import', payload: { vehicles: [], extra: 1 }, code: 'OTA_ERR_VALIDATION' },
      { method: 'GET', url: '/v1/vehicles/not-a-vin', code: 'OTA_ERR_VALIDATION' },
      { method: 'GET', url: '/v1/vehicles/11111111111111111', code: 'OTA_ERR_VEHICLE_NOT_FOUND' },
      { method: 'GET', url: '/v1/campaigns/00000000-0000-4000-8000-000000000000', code: 'OTA_ERR_CAMPAIGN_NOT_FOUND' },
      { method: 'GET', url: '/v1/campaigns/nope', code: 'OTA_ERR_VALIDATION' },
      { method: 'GET', url: '/v1/nothing-here', code: 'OTA_ERR_NOT_FOUND' },
      {
        method: 'POST',
        url: '/v1/updates',
        payload: { name: 'x', version: 'v1', module: 'bcm', bus: 'CAN', hardwareIds: ['H'] },
        code: 'OTA_ERR_INVALID_VERSION',
      },
      {
        method: 'POST',
        url: '/v1/updates',
        payload: { name: 'x', version: '1.0.0', module: 'bcm', bus: 'FLEXRAY', hardwareIds: ['H'] },
        code: 'OTA_ERR_VALIDATION',
      },
    ] as const;
    for (const c of cases) {
      const res = await app.inject({
        method: c.method,
        url: c.url,
        headers: { ...auth, 'content-type': 'application/json' },
        ...('payload' in c ? { payload: c.payload } : {}),
      });
      expect({ url: c.url, status: res.statusCode < 500, code: res.json().error?.code }).toEqual({
        url: c.url,
        status: true,
        code: c.code,
      });
    }
  });

  it('imports vehicles, defines an update, streams its image, and runs a campaign', async () => {
    const imported = await app.inject({ method: 'POST', url: '/v1/vehicles/import', headers: auth, payload: { vehicles: [vehicle] } });
    expect(imported.json()).toEqual({ created: 1, updated: 0 });
    const got = await app.inject({ method: 'GET', url: `/v1/vehicles/${VIN}`, headers: auth });
    expect(got.json()).toMatchObject({ vin: VIN, ecus: [{ module: 'bcm', softwareVersion: '1.4.2', calibration: '' }] });

    const created = await app.inject({
      method: 'POST',
      url: '/v1/updates',
      headers: auth,
      payload: { name: 'BCM 1.5', version: '1.5.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] },
    });
    expect(created.statusCode).toBe(201);
    const updateId = created.json().id as string;

    const wrongType = await app.inject({
      method: 'PUT',
      url: `/v1/updates/${updateId}/image`,
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(415);
    const tooBig = await app.inject({
      method: 'PUT',
      url: `/v1/updates/${updateId}/image`,
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(64 * 1024 + 1),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('OTA_ERR_IMAGE_TOO_LARGE');

    const image = Buffer.alloc(10_000, 3);
    const uploaded = await app.inject({
      method: 'PUT',
      url: `/v1/updates/${updateId}/image`,
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: image,
    });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json().image).toEqual({
      sha256: (await import('node:crypto')).createHash('sha256').update(image).digest('hex'),
      size: 10_000,
      chunkSize: 4096,
      chunks: 3,
    });
    const again = await app.inject({
      method: 'PUT',
      url: `/v1/updates/${updateId}/image`,
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: image,
    });
    expect(again.json().error.code).toBe('OTA_ERR_IMAGE_ALREADY_UPLOADED');

    const campaign = await app.inject({
      method: 'POST',
      url: '/v1/campaigns',
      headers: auth,
      payload: { name: 'bcm rollout', updateId, ratePerMinute: 120, maxInFlight: 5 },
    });
    expect(campaign.statusCode).toBe(201);
    expect(campaign.json()).toMatchObject({ state: 'draft', eligible: 1, createdBy: 'alice' });
    const id = campaign.json().id as string;

    // Uptane: nothing is offered before the offline release key signed the image's release entry.
    const unreleased = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/start`, headers: auth });
    expect(unreleased.json().error.code).toBe('OTA_ERR_UPDATE_NOT_RELEASED');
    const entry = await app.inject({ method: 'GET', url: `/v1/updates/${updateId}/release-entry`, headers: auth });
    expect(entry.statusCode).toBe(200);
    const release = (body: Uint8Array) =>
      app.inject({ method: 'PUT', url: `/v1/updates/${updateId}/release`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: Buffer.from(body) });
    const { generateKeyPairSync } = await import('node:crypto');
    const byStranger = await release(signReleaseEntry(entry.rawPayload, generateKeyPairSync('ed25519').privateKey));
    expect(byStranger.json().error.code).toBe('OTA_ERR_RELEASE_INVALID');
    // Signed by the right key, but not what the gateway holds (another release counter): refused too.
    const other = ota.v1.ReleaseEntry.encode({ ...ota.v1.ReleaseEntry.decode(entry.rawPayload), releaseCounter: 99 }).finish();
    expect((await release(signReleaseEntry(other, api.keys.release))).json().error.code).toBe('OTA_ERR_RELEASE_INVALID');
    const released = await release(signReleaseEntry(entry.rawPayload, api.keys.release));
    expect(released.statusCode).toBe(200);
    expect(released.json().released).toBe(true);

    const started = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/start`, headers: auth });
    expect(started.json().state).toBe('running');
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]!.ids).toHaveLength(1);
    const twice = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/start`, headers: auth });
    expect(twice.statusCode).toBe(409);

    const status = await app.inject({ method: 'GET', url: `/v1/campaigns/${id}`, headers: auth });
    expect(status.json()).toMatchObject({ total: 1, done: false, counts: { queued: 1, succeeded: 0 }, offered: 0 });

    // A second campaign on the same ECU while the first runs is refused, naming the first.
    const next = await app.inject({
      method: 'POST',
      url: '/v1/updates',
      headers: auth,
      payload: { name: 'BCM 1.6', version: '1.6.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] },
    });
    const conflict = await app.inject({
      method: 'POST',
      url: '/v1/campaigns',
      headers: auth,
      payload: { name: 'second', updateId: next.json().id },
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({
      code: 'OTA_ERR_CAMPAIGN_CONFLICT',
      details: { conflicts: [{ campaignId: id, name: 'bcm rollout', ecus: 1 }] },
    });

    // Operator actions, and the audit trail that records them, by campaign and by actor.
    const paused = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/pause`, headers: auth, payload: { reason: 'look first' } });
    expect(paused.json()).toMatchObject({ state: 'paused', pauseReason: { threshold: 'operator', message: 'look first' } });
    const badReason = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/resume`, headers: auth, payload: { reason: 5 } });
    expect(badReason.json().error.code).toBe('OTA_ERR_VALIDATION');
    const cancelled = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/cancel`, headers: auth });
    expect(cancelled.json().state).toBe('cancelled');
    const afterCancel = await app.inject({ method: 'GET', url: `/v1/campaigns/${id}`, headers: auth });
    expect(afterCancel.json().counts).toMatchObject({ queued: 0, cancelled: 1 });
    const resumeCancelled = await app.inject({ method: 'POST', url: `/v1/campaigns/${id}/resume`, headers: auth });
    expect(resumeCancelled.json().error.code).toBe('OTA_ERR_CAMPAIGN_STATE');

    const trail = await app.inject({ method: 'GET', url: `/v1/audit?campaign=${id}`, headers: auth });
    expect(trail.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'campaign.create',
      'campaign.start',
      'campaign.pause',
      'campaign.cancel',
    ]);
    expect(trail.json().entries[2]).toMatchObject({ actor: 'alice', reason: 'look first', before: { state: 'running' }, after: { state: 'paused' } });
    const byVin = await app.inject({ method: 'GET', url: `/v1/audit?vin=${VIN}`, headers: auth });
    expect(byVin.json().entries.map((e: { action: string }) => e.action)).toEqual(['vehicles.import']);
    const byActor = await app.inject({ method: 'GET', url: '/v1/audit?actor=nobody', headers: auth });
    expect(byActor.json().entries).toEqual([]);
  });
});
