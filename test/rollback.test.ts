import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import type { SimulatedFleet} from '@ota/vehicle-sim';
import { generateFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { startTestFleet, startTestGateway, untilCompleted, type TestGateway } from './support/test-gateway.js';

describe('rollback and queued campaigns, end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let t: TestGateway;
  let records: VehicleRecord[];
  let fleet: SimulatedFleet;
  const bcmVersion = (vin: string) => fleet.vehicles.find((v) => v.vin === vin)!.ecus.find((e) => e.module === 'bcm')!.softwareVersion;
  const finish = (id: string) => untilCompleted(t.api, id, 30_000, `campaign ${id}`);

  beforeAll(async () => {
    t = await startTestGateway();
    cleanups.push(() => t.stop());
    records = generateFleet({ count: 6, seed: 41 });
    await t.api.importVehicles(records);
    fleet = await startTestFleet(t, records, { timeScale: 0.01 });
    cleanups.push(() => fleet.stop());
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  const update = async (version: string) => {
    const u = await t.api.createUpdate({ name: `bcm ${version}`, version, module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(u.id, randomBytes(16 * 1024));
    return u;
  };

  it('rolls a campaign back with a signed rollback campaign of its own, phased like any other', async () => {
    const forward = await t.api.createCampaign({ name: 'forward', updateId: (await update('2.0.0')).id });
    await t.api.startCampaign(forward.id);
    await finish(forward.id);
    for (const r of records) expect(bcmVersion(r.vin)).toBe('2.0.0');

    const previous = await update('1.4.2');
    const back = await t.api.rollbackCampaign(forward.id, { updateId: previous.id, rollout: { phases: '2,100%' } });
    expect(back).toMatchObject({ eligible: 6, rollbackOf: forward.id });
    await t.api.startCampaign(back.id);
    const done = await finish(back.id);
    expect(done.counts.succeeded).toBe(6);
    // The vehicles took an older version only because the signed manifest said rollback.
    for (const r of records) {
      expect(bcmVersion(r.vin)).toBe('1.4.2');
      expect((await t.api.getVehicle(r.vin)).ecus.find((e) => e.module === 'bcm')!.softwareVersion).toBe('1.4.2');
    }
  });

  it('queues a campaign behind another on the same ECUs: never both at once, both applied in order', async () => {
    const first = await t.api.createCampaign({ name: 'first', updateId: (await update('2.1.0')).id, maxInFlight: 1 });
    await t.api.startCampaign(first.id);
    const second = await t.api.createCampaign({ name: 'second', updateId: (await update('2.2.0')).id, onConflict: 'queue' });
    await t.api.startCampaign(second.id);
    await finish(first.id);
    await finish(second.id);
    for (const r of records) expect(bcmVersion(r.vin)).toBe('2.2.0');

    const pool = createPool({ url: TEST_DATABASE_URL, schema: t.schema });
    cleanups.push(() => pool.end());
    const { rows } = await pool.query(
      `SELECT a.vin FROM executions a JOIN executions b ON a.vin = b.vin AND a.ecu_serial = b.ecu_serial
       WHERE a.campaign_id = $1 AND b.campaign_id = $2 AND b.offered_at < a.finished_at`,
      [first.id, second.id],
    );
    expect(rows).toEqual([]); // no vehicle was offered the second before the first was done with it
  });
});
