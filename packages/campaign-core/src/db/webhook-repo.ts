import type pg from 'pg';
import type { Clock } from '../clock.js';
import { OtaError } from '../errors.js';
import { inTransaction } from './pool.js';

export interface Webhook {
  id: string;
  url: string;
  campaignId: string | null;
  events: string[];
  createdBy: string;
  createdAt: Date;
}

export interface Delivery {
  id: number;
  webhookId: string;
  event: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

/** Outcome of one delivery attempt, as the sender saw it. */
export type AttemptOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export const MAX_DELIVERY_ATTEMPTS = 8;

/** 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function deliveryBackoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** (attempts - 1));
}

export class WebhookRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async create(input: { url: string; secret: string; campaignId?: string; events?: string[] }, actor: string): Promise<Webhook> {
    if (input.campaignId) {
      const found = await this.pool.query('SELECT 1 FROM campaigns WHERE id::text = $1', [input.campaignId]);
      if (!found.rowCount) throw new OtaError('OTA_ERR_CAMPAIGN_NOT_FOUND', `no campaign ${input.campaignId}`);
    }
    const { rows } = await this.pool.query(
      `INSERT INTO webhooks (url, secret, campaign_id, events, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [input.url, input.secret, input.campaignId ?? null, input.events ?? [], actor, this.clock.now()],
    );
    return toWebhook(rows[0]);
  }

  async list(): Promise<Webhook[]> {
    return (await this.pool.query('SELECT * FROM webhooks ORDER BY created_at')).rows.map(toWebhook);
  }

  async remove(id: string): Promise<void> {
    const { rowCount } = await this.pool.query('DELETE FROM webhooks WHERE id::text = $1', [id]);
    if (!rowCount) throw new OtaError('OTA_ERR_WEBHOOK_NOT_FOUND', `no webhook ${id}`);
  }

  async deliveries(webhookId: string, limit = 100): Promise<Delivery[]> {
    const { rows } = await this.pool.query(
      'SELECT * FROM webhook_deliveries WHERE webhook_id::text = $1 ORDER BY id DESC LIMIT $2',
      [webhookId, limit],
    );
    return rows.map(toDelivery);
  }

  /**
   * Claims due deliveries (SKIP LOCKED: several gateways share the work without sending one twice), hands
   * each to `send`, and records the outcome, with a backoff before the next try. Returns how many were tried.
   */
  async deliverDue(
    send: (d: { id: number; url: string; secret: string; event: string; payload: unknown }) => Promise<AttemptOutcome>,
    batch = 20,
  ): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(
        `SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret FROM webhook_deliveries d
         JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
         ORDER BY d.next_attempt_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
        [this.clock.now(), batch],
      );
      for (const row of rows) {
        const outcome = await send({ id: Number(row.id), url: row.url, secret: row.secret, event: row.event, payload: row.payload });
        const attempts = row.attempts + 1;
        const now = this.clock.now();
        if (outcome.ok) {
          await client.query(
            `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL, delivered_at = $4 WHERE id = $1`,
            [row.id, attempts, outcome.status, now],
          );
        } else {
          const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
          await client.query(
            `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status = $4, last_error = $5, next_attempt_at = $6 WHERE id = $1`,
            [row.id, giveUp ? 'failed' : 'pending', attempts, outcome.status, outcome.error.slice(0, 500), new Date(now.getTime() + deliveryBackoffMs(attempts))],
          );
        }
      }
      return rows.length;
    });
  }
}

function toWebhook(r: Record<string, unknown>): Webhook {
  return {
    id: r.id as string,
    url: r.url as string,
    campaignId: (r.campaign_id as string | null) ?? null,
    events: r.events as string[],
    createdBy: r.created_by as string,
    createdAt: r.created_at as Date,
  };
}

function toDelivery(r: Record<string, unknown>): Delivery {
  return {
    id: Number(r.id),
    webhookId: r.webhook_id as string,
    event: r.event as string,
    payload: r.payload as Record<string, unknown>,
    status: r.status as Delivery['status'],
    attempts: r.attempts as number,
    lastStatus: (r.last_status as number | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    deliveredAt: (r.delivered_at as Date | null) ?? null,
  };
}
