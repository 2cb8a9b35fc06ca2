import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vehicle } from '../domain/types.js';
import { createRepos, type Repos } from '../repos.js';
import { TEST_DATABASE_URL, createTestDatabase } from '../testing/test-services.js';
import { createPool, schemaOf } from './pool.js';
import { UpdateBlobCache, type UpdateVersion } from './update-blobs.js';

describe('UpdateBlobCache on real Postgres', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let repos: Repos;

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = createRepos(db.pool);
  });
  afterAll(() => db.drop());

  /** The version a claim reads, rendered as the claim queries render it (json_build_object). */
  async function versionOf(id: string): Promise<UpdateVersion> {
    const { rows } = await db.pool.query(`SELECT image_sha256, json_build_object('at', released_at) ->> 'at' AS released_at FROM updates WHERE id = $1`, [id]);
    return { id, imageSha256: rows[0].image_sha256, releasedAt: rows[0].released_at };
  }

  it('reads an update once per image and release, shares concurrent reads, and never serves an older release', async () => {
    let reads = 0;
    const counting = { query: ((...args: Parameters<typeof db.pool.query>) => (reads++, db.pool.query(...args))) as typeof db.pool.query };
    const cache = new UpdateBlobCache();
    const update = await repos.updates.create({ name: 'u', version: '1.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['H'] }, 'op');

    // No image yet: nothing to hold.
    expect(await cache.of(await versionOf(update.id), counting)).toEqual({ chunkHashes: null, releaseEnvelope: null });
    const chunkHashes = [0, 1, 2].map((i) => createHash('sha256').update(String(i)).digest());
    await repos.updates.attachImage(update.id, { sha256: Buffer.alloc(32, 1), size: 3000, chunkSize: 1024, chunkHashes }, 'op');
    const uploaded = await versionOf(update.id);
    reads = 0;
    const [a, b] = await Promise.all([cache.of(uploaded, counting), cache.of(uploaded, counting)]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(a.chunkHashes).toEqual(chunkHashes);
    expect(a.releaseEnvelope).toBeNull();

    await repos.updates.attachRelease(update.id, Buffer.from('release one'), 'op');
    const first = await versionOf(update.id);
    expect(first.releasedAt).not.toBeNull();
    expect((await cache.of(first, counting)).releaseEnvelope).toEqual(Buffer.from('release one'));
    reads = 0;
    expect((await cache.of(first, counting)).releaseEnvelope).toEqual(Buffer.from('release one'));
    expect(reads).toBe(0); // the key the claim renders is the key the read stored

    // Signed again: a new release time, a new entry.
    await new Promise((r) => setTimeout(r, 5));
    await repos.updates.attachRelease(update.id, Buffer.from('release two'), 'op');
    const second = await versionOf(update.id);
    expect(second.releasedAt).not.toBe(first.releasedAt);
    expect((await cache.of(second, counting)).releaseEnvelope).toEqual(Buffer.from('release two'));
    expect(reads).toBe(1);

    // A claim that read its row before the new release, asking a cache that has not seen it: it gets the
    // newer release (what is stored now), never an older one.
    const fresh = new UpdateBlobCache();
    expect((await fresh.of(first, db.pool)).releaseEnvelope).toEqual(Buffer.from('release two'));
    expect((await fresh.of(second, db.pool)).releaseEnvelope).toEqual(Buffer.from('release two'));
  });

  it("reads a cold cache's blobs on the claim's own connection, not behind the claims queued on the pool", async () => {
    const vins = Array.from({ length: 12 }, (_, i) => `1M8GDM9AXKP${String(100_000 + i)}`);
    const fleet: Vehicle[] = vins.map((vin) => ({
      vin,
      engineNumber: `E-${vin.slice(-6)}`,
      chassisNumber: `C-${vin.slice(-6)}`,
      model: 'Aster',
      region: 'EU',
      ecus: [{ serial: `${vin}-bcm`, module: 'bcm', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.0.0', calibration: '' }],
    }));
    await repos.vehicles.importVehicles(fleet, 'op');
    const update = await repos.updates.create({ name: 'burst', version: '2.0.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] }, 'op');
    const chunkHashes = [0, 1].map((i) => createHash('sha256').update(`burst ${i}`).digest());
    await repos.updates.attachImage(update.id, { sha256: Buffer.alloc(32, 2), size: 2000, chunkSize: 1024, chunkHashes }, 'op');
    await repos.updates.attachRelease(update.id, Buffer.from('burst release'), 'op');
    const campaign = await repos.campaigns.create({ name: 'burst', updateId: update.id, target: { vins } }, 'op');
    const { executionIds } = await repos.campaigns.start(campaign.id, 'op');
    expect(executionIds).toHaveLength(vins.length);
    for (const vin of vins) await repos.vehicles.markConnected(vin, new Date());
    await db.pool.query('UPDATE vehicles SET last_report_at = now() WHERE vin = ANY($1)', [vins]);

    // One connection, a cold cache, every claim at once: the first claim misses the cache while the
    // others wait for the connection.
    const narrow = createPool({ url: TEST_DATABASE_URL, schema: schemaOf(db.pool), max: 1 });
    try {
      const cold = createRepos(narrow);
      let acquired = 0;
      narrow.on('acquire', () => acquired++);
      let acquiredWhenFirstDone = -1;
      const claims = await Promise.all(
        executionIds.map((id) =>
          cold.executions.claimForOffer(id).then((claim) => {
            if (acquiredWhenFirstDone < 0) acquiredWhenFirstDone = acquired;
            return claim;
          }),
        ),
      );
      expect(claims.map((c) => c.kind)).toEqual(executionIds.map(() => 'offer'));
      for (const claim of claims) if (claim.kind === 'offer') expect(claim.update.image?.chunkHashes).toEqual(chunkHashes);
      // When the first offer is ready, the connection has been taken for it and, once freed, by the next
      // claim. Read from the pool, the blobs queued behind every other claim: 13 (twelve claims and the read).
      expect(acquiredWhenFirstDone).toBeLessThanOrEqual(2);
    } finally {
      await narrow.end();
    }
  });
});
