import { TERMINAL_STATES, type ExecutionState } from './execution-state.js';

export const CAMPAIGN_STATES = ['draft', 'running', 'completed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export type ExecutionCounts = Partial<Record<ExecutionState, number>>;

/** A running campaign is complete once no execution can still change. */
export function isCampaignDone(counts: ExecutionCounts): boolean {
  return Object.entries(counts).every(([state, n]) => !n || TERMINAL_STATES.has(state as ExecutionState));
}
