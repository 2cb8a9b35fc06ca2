import type { ExecutionState } from '@ota/campaign-core';
import { ota } from '@ota/proto';
import { decodeOrRefuse, type UplinkHandler } from './context.js';

const STATE_OF_PHASE: Partial<Record<ota.v1.Phase, ExecutionState>> = {
  [ota.v1.Phase.DOWNLOADING]: 'downloading',
  [ota.v1.Phase.INSTALLING]: 'installing',
};

/** Executions whose phase this process already applied, so repeated progress (every tenth) costs no query. */
const applied = new Map<string, ExecutionState>();
const MAX_REMEMBERED = 20_000;

/**
 * `progress` is QoS 0 and advisory: it moves an execution forward when it names a new phase, and a progress
 * message that arrives late (the state moved on) is simply not applied. Only a phase change reaches
 * Postgres; what was applied is remembered per process (a hint: the transition is checked there anyway).
 */
export const handleProgress: UplinkHandler = async (ctx, vin, payload) => {
  const progress = decodeOrRefuse(ota.v1.Progress.decode, payload, 'Progress');
  const to = STATE_OF_PHASE[progress.phase];
  if (!to || !progress.executionId) return;
  const key = `${vin}/${progress.executionId}`;
  if (applied.get(key) === to) return;
  // The transition checks that the execution is this vehicle's; another's, or none, is not applied.
  const outcome = await ctx.repos.executions.transition(progress.executionId, { to, vin });
  if (outcome.ok || outcome.current !== null) remember(key, to);
  if (!outcome.ok && outcome.current !== null && outcome.current !== to) {
    ctx.log.info({ vin, executionId: progress.executionId, to, current: outcome.current }, 'late progress');
  }
};

function remember(key: string, state: ExecutionState): void {
  applied.delete(key);
  if (applied.size >= MAX_REMEMBERED) applied.delete(applied.keys().next().value!);
  applied.set(key, state);
}
