/**
 * A link that holds every message `delayMs` after the one before it, in order: the 'slow-link' fault. With
 * no delay it passes messages straight through.
 */
export class SlowLink {
  private readyAt = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  deliver(handle: () => void): void {
    if (this.delayMs <= 0) return handle();
    this.readyAt = Math.max(Date.now(), this.readyAt) + this.delayMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      handle();
    }, this.readyAt - Date.now());
    this.timers.add(timer);
  }

  /** Drops whatever is still held. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
