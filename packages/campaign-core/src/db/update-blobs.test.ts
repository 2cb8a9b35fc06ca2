import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../repos.js';
import { createTestDatabase } from '../testing/test-services.js';
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
    const cache = new UpdateBlobCache(db.pool);
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
    const fresh = new UpdateBlobCache(db.pool);
    expect((await fresh.of(first)).releaseEnvelope).toEqual(Buffer.from('release two'));
    expect((await fresh.of(second)).releaseEnvelope).toEqual(Buffer.from('release two'));
  });
});
