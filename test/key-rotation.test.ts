import { createPublicKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRootEnvelope, readOrCreateKey } from '@ota/gateway';
import type { AdminApiError } from '@ota/rehearsal/admin-client';
import { anchorRoot, isRootRefusal, ota } from '@ota/proto';
import { generateFleet, type SimulatedFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { deliver, forgeOffer } from './support/forge.js';
import { startTestFleet, startTestGateway, until, type TestGateway } from './support/test-gateway.js';

/**
 * Uptane root rotation in the middle of a fleet's life: the director key changes between two campaigns.
 * Vehicles provisioned with root 1 walk to root 2 with their next offer, accept manifests by the new key,
 * and from then on refuse the old one.
 */
describe('rotating the director key', () => {
  let t: TestGateway;
  let fleet: SimulatedFleet;
  let records: VehicleRecord[];
  beforeAll(async () => {
    t = await startTestGateway();
    records = generateFleet({ count: 6, seed: 808 });
    await t.api.importVehicles(records);
    fleet = await startTestFleet(t, records);
  });
  afterAll(async () => {
    await fleet?.stop();
    await t?.stop();
  });

  async function campaign(version: string): Promise<void> {
    const update = await t.api.createUpdate({ name: `bcm ${version}`, version, module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] });
    await t.api.uploadImage(update.id, randomBytes(24 * 1024));
    const c = await t.api.createCampaign({ name: `bcm ${version}`, updateId: update.id });
    await t.api.startCampaign(c.id);
    const done = await until(async () => {
      const s = await t.api.campaignStatus(c.id);
      return s.campaign.state !== 'running' && s;
    }, 30_000, `campaign ${version}`);
    expect(done.campaign.state).toBe('completed');
    expect(done.counts.succeeded).toBe(records.filter((r) => r.ecus.some((e) => e.hardwareId === 'BCM-H2')).length);
  }

  const rootVersions = async () =>
    (await t.gateway.repos.pool.query<{ root_version: string }>('SELECT root_version FROM vehicles ORDER BY vin')).rows.map((r) => Number(r.root_version));

  it('walks the fleet from root 1 to root 2 between two campaigns, and the old director key is refused after', async () => {
    await campaign('2.0.0');
    expect(await rootVersions()).toEqual(records.map(() => 1));

    // The ceremony: a new director key on the gateway host, root 2 naming it, signed offline by the root key.
    const root1 = anchorRoot(t.trust.root1);
    if (isRootRefusal(root1)) throw new Error(root1.description);
    const director2 = await readOrCreateKey(join(t.dir, 'pki', 'signing', 'director-2.key.pem'), true);
    // A root that the root key did not sign is refused, and changes nothing.
    const unsigned = nextRootEnvelope(root1, { director: [createPublicKey(director2)] }, [director2]);
    await expect(t.api.addRoot(unsigned)).rejects.toMatchObject({ code: 'OTA_ERR_ROOT_INVALID' } satisfies Partial<AdminApiError>);
    const root2 = nextRootEnvelope(root1, { director: [createPublicKey(director2)] }, [t.trust.rootKey]);
    expect(await t.api.addRoot(root2)).toMatchObject({ version: 2 });

    await campaign('3.0.0');
    // Every vehicle walked the chain with its offer and now reports root 2.
    await until(async () => (await rootVersions()).every((v) => v === 2), 10_000, 'vehicles on root 2');

    // A manifest signed by the retired key (a stolen old key, say) is now refused by every vehicle.
    const vehicle = fleet.vehicles[0]!;
    const bcm = vehicle.ecus.find((e) => e.module === 'bcm')!;
    const answers: ota.v1.IInstallResult[] = [];
    vehicle.on('result', (r: ota.v1.IInstallResult) => answers.push(r));
    const stale = await forgeOffer(t, { vin: vehicle.vin, ecu: bcm, version: '4.0.0', image: randomBytes(4096), directorKey: t.trust.directorKey });
    await deliver(t, vehicle.vin, stale.bytes);
    const answer = await until(async () => answers.find((r) => r.executionId === stale.executionId), 10_000, 'the refusal');
    expect(answer.code).toBe(ota.v1.ResultCode.UNKNOWN_KEY);
    expect(bcm.softwareVersion).toBe('3.0.0');
  });
});
