import { LRUCache } from 'lru-cache';
import type { ExecutionRepo, ExecutionState, TransitionOutcome } from '@ota/campaign-core';

/** Executions whose phase is remembered, at most. */
const MAX_REMEMBERED = 20_000;

/**
 * The phase (downloading, installing) each execution was last moved to by this process, most recently used
 * kept. A vehicle says it is downloading twice (its first chunk request, its first progress) and repeats its
 * progress every tenth: only the first of each reaches Postgres. A hint: the transition is checked there.
 * An attempt ends with the vehicle's result (or a new offer), and what was remembered of it with it, so that
 * a retry moves through its phases again.
 */
export class AppliedPhases {
  private readonly applied = new LRUCache<string, ExecutionState>({ max: MAX_REMEMBERED });

  constructor(private readonly executions: Pick<ExecutionRepo, 'transition'>) {}

  /** Moves the vehicle's execution to `to`, unless this process already did; null when it already had. */
  async move(vin: string, executionId: string, to: ExecutionState): Promise<TransitionOutcome | null> {
    const key = `${vin}/${executionId}`;
    if (this.applied.get(key) === to) return null;
    // The transition checks that the execution is this vehicle's; another's, or none, is not applied.
    const outcome = await this.executions.transition(executionId, { to, vin });
    if (outcome.ok || outcome.current !== null) this.applied.set(key, to);
    return outcome;
  }

  forget(vin: string, executionId: string): void {
    this.applied.delete(`${vin}/${executionId}`);
  }
}
