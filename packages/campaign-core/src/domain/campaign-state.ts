import { TERMINAL_STATES, type ExecutionState } from './execution-state.js';
import { evaluatePhase, type PauseReason, type PhaseCounts, type RolloutPolicy } from './rollout-plan.js';

export const CAMPAIGN_STATES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export type ExecutionCounts = Partial<Record<ExecutionState, number>>;

const ALLOWED: Readonly<Record<CampaignState, readonly CampaignState[]>> = {
  draft: ['scheduled', 'running', 'cancelled'],
  scheduled: ['running', 'cancelled'],
  running: ['paused', 'completed', 'cancelled'],
  paused: ['running', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canMoveCampaign(from: CampaignState, to: CampaignState): boolean {
  return ALLOWED[from].includes(to);
}

/** A running campaign is complete once no execution can still change. */
export function isCampaignDone(counts: ExecutionCounts): boolean {
  return Object.entries(counts).every(([state, n]) => !n || TERMINAL_STATES.has(state as ExecutionState));
}

export interface RolloutSnapshot {
  state: CampaignState;
  currentPhase: number;
  /** The phase an operator must approve before it opens, if any. */
  awaitingApproval: number | null;
  /** Counts per phase, index = phase. */
  phases: PhaseCounts[];
  /** Dynamic campaigns keep taking vehicles that match later: they never complete by themselves. */
  dynamic?: boolean;
}

export type RolloutDecision =
  | { type: 'none' }
  | { type: 'pause'; reason: PauseReason }
  | { type: 'open-phase'; phase: number }
  | { type: 'await-approval'; phase: number }
  | { type: 'complete' };

/**
 * The rollout's next step from its counts, and nothing else: no clock, no database. Called after every
 * execution result; applying the same snapshot twice gives the same decision.
 */
export function decideRollout(snapshot: RolloutSnapshot, policy: RolloutPolicy): RolloutDecision {
  if (snapshot.state !== 'running' || snapshot.awaitingApproval !== null) return { type: 'none' };
  const p = snapshot.currentPhase;
  const counts = snapshot.phases[p];
  if (!counts) return { type: 'none' };
  const verdict = evaluatePhase(p, counts, policy);
  if (verdict.decision === 'pause') return { type: 'pause', reason: verdict.reason };
  if (verdict.decision === 'continue') return { type: 'none' };
  const next = p + 1;
  if (next < snapshot.phases.length) {
    return policy.phases[next]?.approval === 'manual' ? { type: 'await-approval', phase: next } : { type: 'open-phase', phase: next };
  }
  const stillActive = snapshot.phases.some((c) => c.active > 0);
  return stillActive || snapshot.dynamic ? { type: 'none' } : { type: 'complete' };
}
