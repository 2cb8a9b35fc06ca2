import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startTestAdminApi } from './test-admin-api.js';

const TOKEN = 'targeting-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const VINS = ['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352', '5YJSA1E27HF000337'];
const fleet = VINS.map((vin, i) => ({
  vin,
  engineNumber: `E${i}`,
  chassisNumber: `C${i}`,
  model: i % 2 ? 'Borealis' : 'Aster',
  region: ['EU', 'NA', 'EU', 'APAC'][i]!,
  ecus: [{ module: 'bcm', serial: `BCM-${i}`, hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: ['1.0.0', '1.2.0', '1.4.0', '1.4.9'][i]! }],
}));

describe('campaign targeting and dry run', () => {
  let api: Awaited<ReturnType<typeof startTestAdminApi>>;
  let app: FastifyInstance;
  let updateId: string;

  beforeAll(async () => {
    api = await startTestAdminApi(TOKEN, 'release-eng', { chunkSize: 4096, maxImageBytes: 1 << 20 });
    app = api.app;
    await app.inject({ method: 'POST', url: '/v1/vehicles/import', headers: auth, payload: { vehicles: fleet } });
    const update = await app.inject({
      method: 'POST',
      url: '/v1/updates',
      headers: auth,
      payload: { name: 'bcm 2', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] },
    });
    updateId = update.json().id;
  });
  afterAll(async () => api.stop());

  const dryRun = (body: object) => app.inject({ method: 'POST', url: '/v1/campaigns/dry-run', headers: auth, payload: { name: 'plan', updateId, ...body } });

  it('counts, splits by phase, model and region, and samples in dispatch order, writing nothing', async () => {
    const res = await dryRun({ rollout: { phases: '1,100%' } });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ eligible: 4, phaseSizes: [1, 3], byModel: { Aster: 2, Borealis: 2 }, byRegion: { EU: 2, NA: 1, APAC: 1 }, conflicts: [] });
    expect(plan.sample).toHaveLength(4);
    expect(plan.sample.map((s: { phase: number }) => s.phase)).toEqual([0, 1, 1, 1]);
    expect((await dryRun({ rollout: { phases: '1,100%' } })).json().sample).toEqual(plan.sample); // same name, same order
    const campaigns = await api.db.pool.query('SELECT count(*)::int AS n FROM campaigns');
    expect(campaigns.rows[0].n).toBe(0);
  });

  it('narrows by model, region, version range and VIN list', async () => {
    expect((await dryRun({ target: { models: ['Aster'] } })).json().eligible).toBe(2);
    expect((await dryRun({ target: { excludeRegions: ['EU'] } })).json().byRegion).toEqual({ NA: 1, APAC: 1 });
    expect((await dryRun({ target: { versionRange: '>=1.2.0 <1.4.5' } })).json().eligible).toBe(2);
    expect((await dryRun({ target: { vins: [VINS[3]] } })).json().sample.map((s: { vin: string }) => s.vin)).toEqual([VINS[3]]);
    const bad = await dryRun({ target: { versionRange: 'the newest' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'OTA_ERR_VALIDATION', message: expect.stringContaining('not a semver range') });
  });

  it('creates a campaign with the same targeting', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/campaigns',
      headers: auth,
      payload: { name: 'eu only', updateId, target: { regions: ['EU'] }, dynamic: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ eligible: 2, target: { regions: ['EU'] }, dynamic: true });
  });
});
