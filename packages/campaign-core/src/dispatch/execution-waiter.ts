import pg from 'pg';
import { EXECUTION_DONE_CHANNEL, type ExecutionRepo } from '../db/execution-repo.js';
import { TERMINAL_STATES, isExecutionState, type ExecutionState } from '../domain/execution-state.js';

/** A final state, 'timeout', or 'closed' when the process is shutting down (the wait proves nothing). */
export type WaitOutcome = ExecutionState | 'timeout' | 'closed';

interface Waiting {
  resolve: (state: WaitOutcome) => void;
  timer: NodeJS.Timeout;
}

/**
 * Lets a flash job sleep until its execution reaches a final state (or retry_wait) in Postgres, whichever gateway process
 * recorded it. Postgres NOTIFY wakes it at commit; a periodic check of all waiting ids covers a notification
 * missed while the listening connection was down. Postgres stays the only truth: this holds only promises.
 */
export class ExecutionWaiter {
  private readonly waiting = new Map<string, Waiting>();
  private listener: pg.Client | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly opts: {
      url: string;
      executions: ExecutionRepo;
      sweepIntervalMs?: number;
      onError?: (err: Error) => void;
    },
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.sweepTimer = setInterval(() => void this.sweep(), this.opts.sweepIntervalMs ?? 2000);
    this.sweepTimer.unref();
  }

  /**
   * Resolves with the final state, 'timeout' after `timeoutMs`, or 'closed' at shutdown. Registered at once:
   * a caller that waits before it sends the offer cannot miss the answer. `checkNow` reads the state now too,
   * for an execution that may have finished before the call (the periodic check would find it later).
   */
  wait(id: string, timeoutMs: number, opts: { checkNow?: boolean } = {}): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, 'timeout'), timeoutMs);
      const superseded = this.waiting.get(id);
      if (superseded) {
        clearTimeout(superseded.timer);
        superseded.resolve('closed');
      }
      this.waiting.set(id, { resolve, timer });
      if (opts.checkNow ?? true) void this.check([id]);
    });
  }

  /** Stops waiting for `id` (its offer never went out); its wait resolves 'closed'. */
  forget(id: string): void {
    this.settle(id, 'closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const id of [...this.waiting.keys()]) this.settle(id, 'closed');
    await this.listener?.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.url });
    client.on('error', (err) => {
      this.opts.onError?.(err);
      this.listener = null;
      void client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.listen().catch((e: Error) => this.opts.onError?.(e)), 1000);
    });
    client.on('notification', (msg) => {
      // `<id>:<state>`, sent by Postgres at the commit that made it so. A final state stays final, so it
      // is taken as it is; retry_wait is read back, since by the time a (slow) notification arrives the
      // retry it announced may already be in flight under a new wait.
      const [id, state] = (msg.payload ?? '').split(':');
      if (!id) return;
      if (state && isExecutionState(state) && TERMINAL_STATES.has(state)) this.settle(id, state);
      else void this.check([id]);
    });
    await client.connect();
    await client.query(`LISTEN ${EXECUTION_DONE_CHANNEL}`);
    this.listener = client;
  }

  private async sweep(): Promise<void> {
    if (this.waiting.size > 0) await this.check([...this.waiting.keys()]);
  }

  private async check(ids: string[]): Promise<void> {
    const mine = ids.filter((id) => this.waiting.has(id));
    if (mine.length === 0) return;
    try {
      const states = await this.opts.executions.statesOf(mine);
      for (const [id, state] of states) if (TERMINAL_STATES.has(state) || state === 'retry_wait') this.settle(id, state);
    } catch (err) {
      this.opts.onError?.(err as Error);
    }
  }

  private settle(id: string, state: WaitOutcome): void {
    const w = this.waiting.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    this.waiting.delete(id);
    w.resolve(state);
  }
}
