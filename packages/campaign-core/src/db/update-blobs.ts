import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { prepared } from './pool.js';
import { splitHashes } from './update-repo.js';

type Db = Pick<pg.PoolClient, 'query'>;

/** An update's two large columns: they grow with its image, and never change for one image and release. */
export interface UpdateBlobs {
  /** One sha256 per chunk, in order; null before the image is uploaded. */
  chunkHashes: Buffer[] | null;
  /** The signed release entry (it lists the chunk hashes too); null before the release. */
  releaseEnvelope: Buffer | null;
}

/**
 * Which image and release an update row holds, as the claim queries return it: the image digest is set
 * once (attachImage), and every release stamps released_at (attachRelease may sign again).
 */
export interface UpdateVersion {
  id: string;
  imageSha256: Buffer | null;
  releasedAt: string | null;
}

// released_at as json_build_object renders it in the claim queries, so that both name a release alike.
const READ_BLOBS = prepared(
  'update.blobs',
  `SELECT chunk_hashes, release_envelope, image_sha256, to_json(released_at) #>> '{}' AS released_at FROM updates WHERE id = $1`,
);

function keyOf(v: UpdateVersion): string {
  return `${v.id}:${v.imageSha256?.toString('hex') ?? '-'}:${v.releasedAt ?? '-'}`;
}

/**
 * The large columns of the updates being offered, read once per process and release instead of with every
 * claim. A 2 GiB image in 64 KiB chunks has 32,768 chunk hashes, and its release entry lists them again:
 * about 2 MiB, which row_to_json sent as 4 MiB of hex, twice per claim, and which every offer then split
 * into 32,768 buffers of its own (bench/src/probes/offer-claim.ts measures it). Offers now share one copy.
 *
 * Keyed by the update, its image digest and its release time, so a new release is a new entry and a stale
 * one is never served. Bounded by bytes; concurrent misses for one key share one read. Holds no connection,
 * so one cache serves every pool of a process.
 */
export class UpdateBlobCache {
  private readonly cache: LRUCache<string, UpdateBlobs>;
  private readonly reading = new Map<string, Promise<UpdateBlobs>>();

  constructor(maxBytes = 256 * 1024 * 1024) {
    this.cache = new LRUCache<string, UpdateBlobs>({
      maxSize: maxBytes,
      sizeCalculation: (b) => Math.max(1, (b.chunkHashes?.length ?? 0) * 32 + (b.releaseEnvelope?.length ?? 0)),
    });
  }

  /**
   * The blobs of this version of the update. A miss is read through `db`, the caller's own connection (a
   * transaction's, or one held for the claim): one asked of a busy pool would wait behind everything queued.
   */
  async of(version: UpdateVersion, db: Db): Promise<UpdateBlobs> {
    const key = keyOf(version);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let read = this.reading.get(key);
    if (!read) {
      read = this.read(version.id, db).finally(() => this.reading.delete(key));
      this.reading.set(key, read);
    }
    return read;
  }

  /**
   * Cached under the version it turned out to be: a release signed again since the claim read its row is
   * newer than the row said, and is what the next claims will ask for.
   */
  private async read(id: string, db: Db): Promise<UpdateBlobs> {
    const { rows } = await db.query<{ chunk_hashes: Buffer | null; release_envelope: Buffer | null; image_sha256: Buffer | null; released_at: string | null }>(
      READ_BLOBS([id]),
    );
    const row = rows[0];
    const blobs = { chunkHashes: row?.chunk_hashes ? splitHashes(row.chunk_hashes) : null, releaseEnvelope: row?.release_envelope ?? null };
    if (row) this.cache.set(keyOf({ id, imageSha256: row.image_sha256, releasedAt: row.released_at }), blobs);
    return blobs;
  }
}
