import { LRUCache } from 'lru-cache';
import { GroupCommit, type ExecutionRepo, type ExecutionState, type ProgressMove, type ProgressOutcome } from '@ota/campaign-core';

/** Executions whose phase is remembered, at most. */
const MAX_REMEMBERED = 20_000;

/**
 * The phase (downloading, installing) each execution was last moved to by this process, most recently used
 * kept. A vehicle says it is downloading twice (its first chunk request, its first progress) and repeats its
 * progress: only the first of each reaches Postgres. A hint: the transition is checked there. An attempt
 * ends with the vehicle's result (or a new offer), and what was remembered of it with it, so that a retry
 * moves through its phases again. The moves that do reach Postgres share commits (GroupCommit): a thousand
 * downloads starting at once are a handful of statements.
 */
export class AppliedPhases {
  private readonly applied = new LRUCache<string, ExecutionState>({ max: MAX_REMEMBERED });
  private readonly writes: GroupCommit<ProgressMove, ProgressOutcome>;

  constructor(executions: Pick<ExecutionRepo, 'moveProgress'>) {
    // Keyed as Postgres compares uuids: one execution never twice in a statement, however its id is spelled.
    this.writes = new GroupCommit((moves) => executions.moveProgress(moves), (m) => m.id.toLowerCase());
  }

  /** Moves the vehicle's execution to `to`, unless this process already did; null when it already had. */
  async move(vin: string, executionId: string, to: ProgressMove['to']): Promise<ProgressOutcome | null> {
    const key = `${vin}/${executionId}`;
    if (this.applied.get(key) === to) return null;
    // The move checks that the execution is this vehicle's; another's, or none, is not applied.
    const outcome = await this.writes.submit({ id: executionId, vin, to });
    if (outcome.ok || outcome.current !== null) this.applied.set(key, to);
    return outcome;
  }

  forget(vin: string, executionId: string): void {
    this.applied.delete(`${vin}/${executionId}`);
  }
}
