/** Postgres errors after which a batch is tried again: deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Writes that many vehicles ask for at once (presence, progress) go to Postgres in batches, one statement
 * and one commit each, one batch at a time: an item waits only while the batch before it runs, and whatever
 * came meanwhile shares the next commit. With nothing in flight an item goes at once, alone, so a quiet
 * gateway adds no delay; a busy one (a thousand downloads starting, ten thousand vehicles reconnecting)
 * sends a few statements instead of thousands.
 *
 * Items with the same key never share a batch: the second goes in the next one, after the first is
 * committed, so each key's writes apply in the order asked. `run` answers each item of a batch, in order.
 * A batch that lost a deadlock (with another statement locking the same rows in another order) runs once
 * more; any other error is every item's error.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private running = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly keyOf: (item: T) => string,
    private readonly maxBatch = 500,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = true;
    void this.commit(this.take()).finally(() => {
      this.running = false;
      this.pump();
    });
  }

  /** Up to maxBatch waiting items, each key once, in the order they came. */
  private take(): Waiting<T, R>[] {
    const batch: Waiting<T, R>[] = [];
    const rest: Waiting<T, R>[] = [];
    const keys = new Set<string>();
    for (const w of this.waiting) {
      const key = this.keyOf(w.item);
      if (batch.length < this.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch;
  }

  private async commit(batch: Waiting<T, R>[]): Promise<void> {
    const items = batch.map((w) => w.item);
    try {
      let results: R[];
      try {
        results = await this.run(items);
      } catch (err) {
        if (!RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
        results = await this.run(items);
      }
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
