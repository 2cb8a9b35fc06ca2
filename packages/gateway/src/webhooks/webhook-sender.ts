import { createHmac } from 'node:crypto';
import type { AttemptOutcome, Logger, Repos } from '@ota/campaign-core';

export const SIGNATURE_HEADER = 'x-ota-signature';

/** `sha256=<hex HMAC of the exact body>`: what a receiver recomputes with the shared secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Delivers queued webhook events: polls the outbox, POSTs each event as JSON with an HMAC signature, and
 * leaves retries (with backoff) and the delivery log to the repository. Any gateway may run one.
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly log: Logger,
    private readonly opts: { intervalMs?: number; timeoutMs?: number } = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, this.opts.intervalMs ?? 500);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      while ((await this.repos.webhooks.deliverDue((d) => this.send(d))) > 0) {
        // keep going while there is a backlog
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'webhook delivery pass failed');
    }
  }

  private async send(d: { id: number; url: string; secret: string; event: string; payload: unknown }): Promise<AttemptOutcome> {
    const body = JSON.stringify(d.payload);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ota-event': d.event,
          'x-ota-delivery': String(d.id),
          [SIGNATURE_HEADER]: signBody(d.secret, body),
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
      await res.body?.cancel();
      return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, status: null, error: (err as Error).message };
    }
  }
}
