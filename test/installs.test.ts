import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFleet, strikes, type SimulatedFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

/** What the vehicle decides at install time: bundles in dependency order, preconditions, slow links. */
describe('installs', () => {
  let t: TestGateway;
  const fleets: SimulatedFleet[] = [];
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => {
    for (const f of fleets) await f.stop();
    await t?.stop();
  });

  async function fleetOf(seed: number, count: number, opts: Parameters<typeof startTestFleet>[2] = {}): Promise<VehicleRecord[]> {
    const records = generateFleet({ count, seed });
    await t.api.importVehicles(records);
    fleets.push(await startTestFleet(t, records, opts));
    return records;
  }

  async function release(module: string, version: string, bus: string, hardwareIds: string[], requires?: { module: string; range: string }[], size = 12 * 1024) {
    const u = await t.api.createUpdate({ name: `${module} ${version}`, version, module, bus, hardwareIds, ...(requires ? { requires } : {}) });
    await t.api.uploadImage(u.id, randomBytes(size));
    return u;
  }

  async function finished(id: string) {
    return until(async () => {
      const s = await t.api.campaignStatus(id);
      return s.campaign.state !== 'running' && ['queued', 'offered', 'downloading', 'installing', 'installed', 'retry_wait'].every((k) => !s.counts[k]) && s;
    }, 45_000, 'the campaign to finish');
  }

  const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => t.gateway.repos.pool.query<T>(text, params).then((r) => r.rows);

  it('installs a bundle in dependency order, one manifest per vehicle, confirmed when every ECU reports', async () => {
    const records = await fleetOf(31, 5);
    const bcm = await release('bcm', '2.0.0', 'CAN', ['BCM-H2']);
    // The driver-assistance release needs the new body controller.
    const adas = await release('adas', '4.0.0', 'CAN_FD', ['ADAS-C1'], [{ module: 'bcm', range: '>=2.0.0' }]);
    const campaign = await t.api.createCampaign({ name: 'bundle', updateId: adas.id, bundle: [bcm.id], target: { vins: records.map((r) => r.vin) } });
    expect(campaign.eligible).toBe(records.filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2')).length);
    await t.api.startCampaign(campaign.id);
    const done = await finished(campaign.id);
    expect(done.campaign.state).toBe('completed');
    expect(done.counts.succeeded).toBe(campaign.eligible);
    const order = await sql<{ module: string; install_order: number }>(
      `SELECT u.module, t.install_order FROM execution_targets t JOIN executions e ON e.id = t.execution_id JOIN updates u ON u.id = t.update_id
       WHERE e.campaign_id = $1 GROUP BY u.module, t.install_order ORDER BY t.install_order`,
      [campaign.id],
    );
    expect(order).toEqual([
      { module: 'bcm', install_order: 0 },
      { module: 'adas', install_order: 1 },
    ]);
    for (const r of records.filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2'))) {
      const v = await t.api.getVehicle(r.vin);
      expect(Object.fromEntries(v.ecus.map((e) => [e.module, e.softwareVersion]))).toMatchObject({ bcm: '2.0.0', adas: '4.0.0' });
    }
  });

  it('holds an ECU for one campaign at a time, companions included: a conflict is refused, or queued behind', async () => {
    const records = generateFleet({ count: 4, seed: 35 }).filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2'));
    await t.api.importVehicles(records); // offline for now: the first campaign stays running
    const vins = records.map((r) => r.vin);
    const bcm = await release('bcm', '2.7.0', 'CAN', ['BCM-H2']);
    const adas = await release('adas', '4.7.0', 'CAN_FD', ['ADAS-C1'], [{ module: 'bcm', range: '>=2.7.0' }]);
    // The body controller is only the bundle's companion here; the campaign's main update is the adas one.
    const first = await t.api.createCampaign({ name: 'adas with bcm', updateId: adas.id, bundle: [bcm.id], target: { vins } });
    await t.api.startCampaign(first.id);
    const next = await release('bcm', '2.8.0', 'CAN', ['BCM-H2']);
    await expect(t.api.createCampaign({ name: 'bcm alone', updateId: next.id, target: { vins } })).rejects.toThrow(
      new RegExp(`OTA_ERR_CAMPAIGN_CONFLICT: ${records.length} target ECUs are being updated by "adas with bcm" \\(${first.id}\\)`),
    );
    const queued = await t.api.createCampaign({ name: 'bcm queued', updateId: next.id, target: { vins }, onConflict: 'queue' });
    await t.api.startCampaign(queued.id);
    fleets.push(await startTestFleet(t, records));
    expect((await finished(first.id)).counts.succeeded).toBe(records.length);
    expect((await finished(queued.id)).counts.succeeded).toBe(records.length);
    const early = await sql(
      `SELECT b.vin FROM executions a JOIN executions b ON a.vin = b.vin
       WHERE a.campaign_id = $1 AND b.campaign_id = $2 AND b.offered_at < a.finished_at`,
      [first.id, queued.id],
    );
    expect(early).toEqual([]); // no vehicle was offered the bcm alone before the bundle was done with its bcm
    for (const r of records) {
      const v = await t.api.getVehicle(r.vin);
      expect(Object.fromEntries(v.ecus.map((e) => [e.module, e.softwareVersion]))).toMatchObject({ bcm: '2.8.0', adas: '4.7.0' });
    }
  });

  it('rolls a bundle back together when its last ECU fails, and reports each ECU', async () => {
    const records = (await fleetOf(34, 3, { faults: { 'boot-failure': 1 } })).filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2'));
    const bcm = await release('bcm', '2.2.0', 'CAN', ['BCM-H2']);
    const adas = await release('adas', '4.2.0', 'CAN_FD', ['ADAS-C1'], [{ module: 'bcm', range: '>=2.2.0' }]);
    const campaign = await t.api.createCampaign({
      name: 'bad bundle',
      updateId: adas.id,
      bundle: [bcm.id],
      target: { vins: records.map((r) => r.vin) },
      rollout: { errorShare: 1 },
    });
    await t.api.startCampaign(campaign.id);
    const done = await finished(campaign.id);
    expect(done.counts.failed).toBe(records.length);
    const rows = await sql<{ result_code: string; result_detail: string }>('SELECT result_code, result_detail FROM executions WHERE campaign_id = $1', [campaign.id]);
    for (const row of rows) {
      expect(row.result_code).toBe('PARTIAL_BUNDLE');
      // The body controller was flashed first, then switched back when the driver-assistance unit did not boot.
      expect(row.result_detail).toMatch(/BCM-[^:]+: ROLLED_BACK/);
      expect(row.result_detail).toMatch(/ADAS-[^:]+: ROLLED_BACK/);
    }
    for (const r of records) {
      const v = await t.api.getVehicle(r.vin);
      expect(Object.fromEntries(v.ecus.map((e) => [e.module, e.softwareVersion]))).toMatchObject({ bcm: r.ecus.find((e) => e.module === 'bcm')!.softwareVersion, adas: '3.1.0' });
    }
  });

  it('waits out unmet preconditions as a transient "not now", then installs', async () => {
    const faults = { 'not-parked': 0.5 };
    const records = await fleetOf(32, 8, { faults, faultSeed: 32 });
    const u = await release('seat', '1.0.0', 'LIN', ['SEAT-L1']);
    const campaign = await t.api.createCampaign({
      name: 'parked only',
      updateId: u.id,
      target: { vins: records.map((r) => r.vin) },
      preconditions: { requireParked: true, requireIgnitionOff: true, minBatteryPct: 20 },
      retry: { maxAttempts: 3, backoffS: 0.3 },
    });
    await t.api.startCampaign(campaign.id);
    const done = await finished(campaign.id);
    expect(done.counts.succeeded).toBe(records.length);
    const hit = records.filter((r) => strikes(faults, 'not-parked', r.vin, 32));
    expect(hit.length).toBeGreaterThan(0);
    const waits = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM execution_transitions x JOIN executions e ON e.id = x.execution_id
       WHERE e.campaign_id = $1 AND x.to_state = 'retry_wait' AND x.detail = 'PRECONDITIONS_NOT_MET'`,
      [campaign.id],
    );
    expect(waits[0]!.n).toBe(hit.length);
  });

  it('reports a download below the manifest\'s minimum rate as slow retrieval', async () => {
    const records = await fleetOf(33, 3);
    // 6 MiB: long enough a download for the rate to be judged before it ends.
    const u = await release('bcm', '2.5.0', 'CAN', ['BCM-H2'], undefined, 6 * 1024 * 1024);
    const campaign = await t.api.createCampaign({
      name: 'impatient',
      updateId: u.id,
      target: { vins: records.map((r) => r.vin) },
      // No link on this machine moves a gigabyte a second: every download is "too slow".
      download: { minBytesPerS: 1_000_000_000, slowGraceMs: 100 },
      retry: { maxAttempts: 1 },
      rollout: { errorShare: 1 },
    });
    await t.api.startCampaign(campaign.id);
    const done = await finished(campaign.id);
    const eligible = records.filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2')).length;
    expect(done.counts.failed).toBe(eligible);
    const codes = await sql<{ result_code: string }>('SELECT DISTINCT result_code FROM executions WHERE campaign_id = $1', [campaign.id]);
    expect(codes).toEqual([{ result_code: 'SLOW_RETRIEVAL' }]);
  });
});
