import type { Logger } from './logger.js';

/** Distinct errors remembered at most; past this the memory starts afresh (a burst of unique messages). */
const MAX_KEYS = 200;

/**
 * Logs errors that come back every second or two while a dependency is down (each Redis connection's
 * reconnect attempts, for each running campaign's queue and worker): the first of each kind at once, then
 * at most one per `intervalMs`, saying how many were held back meanwhile. A ten-minute Redis outage is then
 * a few lines per campaign, not thousands, and the first line still comes when the trouble starts.
 */
export class RepeatingErrors {
  private readonly seen = new Map<string, { at: number; heldBack: number }>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** `fields` are logged but do not tell kinds apart: the message and the error's message do. */
  warn(msg: string, err: Error, fields: Record<string, unknown> = {}): void {
    const key = `${msg}\n${err.message}`;
    const at = this.now();
    const last = this.seen.get(key);
    if (last && at - last.at < this.intervalMs) {
      last.heldBack++;
      return;
    }
    if (!last && this.seen.size >= MAX_KEYS) this.seen.clear();
    this.seen.set(key, { at, heldBack: 0 });
    this.log.warn({ ...fields, err: err.message, ...(last?.heldBack ? { heldBack: last.heldBack, sinceMs: at - last.at } : {}) }, msg);
  }
}
