import type pg from 'pg';
import type { Clock } from '../clock.js';
import { BundleError, checkRequirements, type Requirement } from '../domain/bundle-plan.js';
import { isVersion } from '../domain/semver.js';
import type { Bus, SoftwareUpdate, StoredImage } from '../domain/types.js';
import { OtaError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { inTransaction } from './pool.js';

export interface NewUpdate {
  name: string;
  version: string;
  module: string;
  bus: Bus;
  hardwareIds: string[];
  vehicleModels?: string[];
  /** Defaults to one above the highest counter of the module's updates so far. */
  releaseCounter?: number;
  requires?: Requirement[];
}

const UNIQUE_VIOLATION = '23505';
const HASH_BYTES = 32;

export class UpdateRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async create(input: NewUpdate, actor: string): Promise<SoftwareUpdate> {
    if (!isVersion(input.version)) throw new OtaError('OTA_ERR_INVALID_VERSION', `"${input.version}" is not semver`);
    try {
      checkRequirements(input.requires ?? []);
    } catch (err) {
      if (err instanceof BundleError) throw new OtaError('OTA_ERR_VALIDATION', err.message);
      throw err;
    }
    const now = this.clock.now();
    try {
      return await inTransaction(this.pool, async (client) => {
        const { rows } = await client.query(
          `INSERT INTO updates (name, version, module, bus, hardware_ids, vehicle_models, created_at, release_counter, requires)
           VALUES ($1, $2, $3, $4, $5, $6, $7,
             COALESCE($8, (SELECT COALESCE(max(release_counter), 0) + 1 FROM updates WHERE module = $3)), $9) RETURNING *`,
          [input.name, input.version, input.module, input.bus, input.hardwareIds, input.vehicleModels ?? [], now, input.releaseCounter ?? null, JSON.stringify(input.requires ?? [])],
        );
        const update = toUpdate(rows[0]);
        await appendAudit(client, now, {
          actor,
          action: 'update.create',
          entityType: 'update',
          entityId: update.id,
          after: input,
        });
        return update;
      });
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new OtaError('OTA_ERR_UPDATE_EXISTS', `${input.module} ${input.version} already exists`);
      }
      throw err;
    }
  }

  async get(id: string): Promise<SoftwareUpdate> {
    const { rows } = await this.pool.query('SELECT * FROM updates WHERE id::text = $1', [id]);
    if (!rows[0]) throw new OtaError('OTA_ERR_UPDATE_NOT_FOUND', `no update ${id}`);
    return toUpdate(rows[0]);
  }

  /** Records the stored image; an update's image is set once and never replaced (it may be signed already). */
  async attachImage(id: string, image: StoredImage, actor: string): Promise<SoftwareUpdate> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `UPDATE updates SET image_sha256 = $2, image_size = $3, chunk_size = $4, chunk_hashes = $5, uploaded_at = $6
         WHERE id::text = $1 AND image_sha256 IS NULL RETURNING *`,
        [id, image.sha256, image.size, image.chunkSize, Buffer.concat(image.chunkHashes), now],
      );
      if (!rows[0]) {
        await this.get(id); // throws OTA_ERR_UPDATE_NOT_FOUND when absent
        throw new OtaError('OTA_ERR_IMAGE_ALREADY_UPLOADED');
      }
      await appendAudit(client, now, {
        actor,
        action: 'update.upload',
        entityType: 'update',
        entityId: id,
        after: { sha256: image.sha256.toString('hex'), size: image.size, chunkSize: image.chunkSize },
      });
      return toUpdate(rows[0]);
    });
  }

  /**
   * Stores the release entry as the release key signed it. The caller has verified it against the root and
   * the stored image; it may be replaced (re-signed with a later expiry, or after a release-key rotation).
   */
  async attachRelease(id: string, envelope: Uint8Array, actor: string): Promise<SoftwareUpdate> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        'UPDATE updates SET release_envelope = $2, released_at = $3 WHERE id::text = $1 AND image_sha256 IS NOT NULL RETURNING *',
        [id, Buffer.from(envelope), now],
      );
      if (!rows[0]) {
        await this.get(id);
        throw new OtaError('OTA_ERR_IMAGE_MISSING');
      }
      await appendAudit(client, now, { actor, action: 'update.release', entityType: 'update', entityId: id, after: { bytes: envelope.length } });
      return toUpdate(rows[0]);
    });
  }
}

export function toUpdate(r: Record<string, unknown>): SoftwareUpdate {
  const hashes = r.chunk_hashes as Buffer | null;
  return updateOf(r, hashes ? splitHashes(hashes) : null, (r.release_envelope as Buffer | null | undefined) ?? null);
}

/** An update from its row's small columns, with its chunk hashes (split) and release entry given apart. */
export function updateOf(r: Record<string, unknown>, chunkHashes: Buffer[] | null, releaseEnvelope: Buffer | null): SoftwareUpdate {
  const sha = r.image_sha256 as Buffer | null;
  return {
    id: r.id as string,
    name: r.name as string,
    version: r.version as string,
    module: r.module as string,
    bus: r.bus as Bus,
    hardwareIds: r.hardware_ids as string[],
    vehicleModels: r.vehicle_models as string[],
    releaseCounter: (r.release_counter as number | undefined) ?? 1,
    requires: (r.requires as SoftwareUpdate['requires'] | undefined) ?? [],
    releaseEnvelope,
    image:
      sha && chunkHashes
        ? {
            sha256: sha,
            size: Number(r.image_size),
            chunkSize: r.chunk_size as number,
            chunkHashes,
          }
        : null,
  };
}

export function splitHashes(all: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; i += HASH_BYTES) out.push(all.subarray(i, i + HASH_BYTES));
  return out;
}
