import type pg from 'pg';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: 'vehicle' | 'update' | 'campaign' | 'execution' | 'trust';
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Appends one row; call it inside the transaction that makes the change, so neither exists without the
 * other. A campaign's entries are also its events: the same statement queues a delivery for every webhook
 * that listens (the outbox), so an event is delivered if and only if the change committed.
 */
export async function appendAudit(db: Queryable, at: Date, entry: AuditEntry): Promise<void> {
  await db.query(
    `WITH entry AS (
       INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before, after, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
     )
     INSERT INTO webhook_deliveries (webhook_id, event, payload, next_attempt_at, created_at)
     SELECT w.id, entry.action,
            jsonb_build_object('id', entry.id, 'event', entry.action, 'at', entry.at, 'actor', entry.actor,
              'campaignId', entry.entity_id, 'before', entry.before, 'after', entry.after, 'reason', entry.reason),
            entry.at, entry.at
     FROM entry JOIN webhooks w ON entry.entity_type = 'campaign'
       AND (w.campaign_id IS NULL OR w.campaign_id::text = entry.entity_id)
       AND (cardinality(w.events) = 0 OR entry.action = ANY (w.events))`,
    [
      at,
      entry.actor,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.reason ?? null,
    ],
  );
}

export interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Entries about this vehicle: its own, and imports that named it. */
  vin?: string;
  /** Entries after this id, for paging. */
  afterId?: number;
  limit?: number;
}

export async function listAudit(db: Queryable, filter: AuditFilter): Promise<(AuditRow & { id: number })[]> {
  const { rows } = await db.query(
    `SELECT id, at, actor, action, entity_type, entity_id, before, after, reason FROM audit_log
     WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2)
       AND ($3::text IS NULL OR actor = $3)
       AND ($4::text IS NULL OR entity_id = $4 OR after -> 'vins' ? $4)
       AND id > $5
     ORDER BY id LIMIT $6`,
    [filter.entityType ?? null, filter.entityId ?? null, filter.actor ?? null, filter.vin ?? null, filter.afterId ?? 0, filter.limit ?? 1000],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
  }));
}
