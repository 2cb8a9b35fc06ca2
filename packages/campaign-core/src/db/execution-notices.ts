import type pg from 'pg';
import type { ExecutionState } from '../domain/execution-state.js';
import { GroupCommit } from './group-commit.js';
import { prepared } from './pool.js';

/** The channel that tells waiting flash jobs an execution reached a final state or retry_wait: `<id>:<state>`. */
export const EXECUTION_DONE_CHANNEL = 'ota_execution_done';

const NOTIFY_MANY = prepared('execution.notify-many', `SELECT pg_notify('${EXECUTION_DONE_CHANNEL}', p) FROM unnest($1::text[]) AS p`);

/**
 * Announces on EXECUTION_DONE_CHANNEL, after the commit that moved them, the executions a vehicle's result
 * or report finished, many in one statement.
 *
 * Not NOTIFY inside the moving statement: Postgres lets one transaction that has notified commit at a
 * time (a lock held from before its commit record until the WAL is flushed, wait event Lock/object), so
 * a thousand vehicles reporting at once took turns for a flush each, with CPU idle. Here the moves commit
 * side by side and share flushes, and the notices go in batches, one batch in flight (GroupCommit).
 *
 * The notice is a wake-up, not the truth: the waiter reads states back from Postgres, and its periodic
 * check covers a notice that never came (this process stopped between the commit and the notice, or
 * Postgres refused the batch, which `onFailure` hears of).
 */
export class ExecutionNotices {
  private readonly batches: GroupCommit<string, void>;
  private onError: (err: Error) => void = () => {};

  constructor(pool: pg.Pool) {
    this.batches = new GroupCommit<string, void>(
      async (payloads) => {
        await pool.query(NOTIFY_MANY([payloads]));
        return payloads.map(() => undefined);
      },
      (payload) => payload,
    );
  }

  /** Where a failed batch is reported (the gateway logs it); by default it is dropped. */
  onFailure(handler: (err: Error) => void): void {
    this.onError = handler;
  }

  /** Queues the notice; call it once the move is committed. */
  announce(id: string, state: ExecutionState): void {
    this.batches.submit(`${id}:${state}`).catch((err: Error) => this.onError(err));
  }
}
