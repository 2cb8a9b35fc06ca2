import type pg from 'pg';
import { anchorRoot, isRootRefusal, nextRoot, type RootRefusal, type TrustedRoot } from '@ota/proto';
import type { Clock } from '../clock.js';
import { OtaError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { inTransaction } from './pool.js';

// Any constant: the same in every process that adds roots.
const ROOT_LOCK = 0x07a_0003;

/**
 * The root of trust, every version as signed. Postgres holds the chain for every gateway; a version is
 * stored only if it chains from the newest one (or, for the first, signs itself), so what is here is
 * exactly what a vehicle would accept.
 */
export class TrustRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  /** Adds the next root. Refused (OTA_ERR_ROOT_INVALID) unless it is version newest+1 and signed by both root key sets. */
  async add(envelope: Uint8Array, actor: string): Promise<TrustedRoot> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ROOT_LOCK]);
      const current = await this.newestIn(client);
      const next = current ? nextRoot(current, envelope) : anchorRoot(envelope);
      if (isRootRefusal(next)) throw new OtaError('OTA_ERR_ROOT_INVALID', next.description);
      if (!current && next.version !== 1) throw new OtaError('OTA_ERR_ROOT_INVALID', `the first root must be version 1, not ${next.version}`);
      await client.query('INSERT INTO trust_roots (version, envelope, expires_at, added_by, added_at) VALUES ($1, $2, $3, $4, $5)', [
        next.version,
        Buffer.from(envelope),
        next.expiresAtMs > 0 ? new Date(next.expiresAtMs) : null,
        actor,
        now,
      ]);
      await appendAudit(client, now, {
        actor,
        action: 'trust.root',
        entityType: 'trust',
        entityId: `root-${next.version}`,
        after: { version: next.version, director: next.metadata.director?.keyIds, release: next.metadata.release?.keyIds, root: next.metadata.root?.keyIds },
      });
      return next;
    });
  }

  /** The newest root, verified along the whole chain from version 1; null before the first is added. */
  async newest(): Promise<TrustedRoot | null> {
    return this.newestIn(this.pool);
  }

  /** Every root after `version`, in order: what a vehicle that trusts `version` must walk. */
  async after(version: number): Promise<Buffer[]> {
    const { rows } = await this.pool.query<{ envelope: Buffer }>('SELECT envelope FROM trust_roots WHERE version > $1 ORDER BY version', [version]);
    return rows.map((r) => r.envelope);
  }

  async list(): Promise<{ version: number; expiresAt: Date | null; addedBy: string; addedAt: Date }[]> {
    const { rows } = await this.pool.query('SELECT version, expires_at, added_by, added_at FROM trust_roots ORDER BY version');
    return rows.map((r) => ({ version: Number(r.version), expiresAt: r.expires_at, addedBy: r.added_by, addedAt: r.added_at }));
  }

  async get(version: number): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ envelope: Buffer }>('SELECT envelope FROM trust_roots WHERE version = $1', [version]);
    return rows[0]?.envelope ?? null;
  }

  private async newestIn(db: Pick<pg.Pool, 'query'>): Promise<TrustedRoot | null> {
    const { rows } = await db.query<{ envelope: Buffer }>('SELECT envelope FROM trust_roots ORDER BY version');
    let root: TrustedRoot | null = null;
    for (const { envelope } of rows) {
      const next: TrustedRoot | RootRefusal = root ? nextRoot(root, envelope) : anchorRoot(envelope);
      // Rows were checked on the way in; a row that no longer verifies means the table was tampered with.
      if (isRootRefusal(next)) throw new OtaError('OTA_ERR_ROOT_INVALID', `stored root chain is broken: ${next.description}`);
      root = next;
    }
    return root;
  }
}
