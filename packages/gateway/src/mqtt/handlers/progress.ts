import type { ProgressMove } from '@ota/campaign-core';
import { ota } from '@ota/proto';
import { decodeOrRefuse, type UplinkHandler } from './context.js';

const STATE_OF_PHASE: Partial<Record<ota.v1.Phase, ProgressMove['to']>> = {
  [ota.v1.Phase.DOWNLOADING]: 'downloading',
  [ota.v1.Phase.INSTALLING]: 'installing',
};

/**
 * `progress` is QoS 0 and advisory: it moves an execution forward when it names a new phase, and a progress
 * message that arrives late (the state moved on) is simply not applied. Only a phase change reaches
 * Postgres (AppliedPhases).
 */
export const handleProgress: UplinkHandler = async (ctx, vin, payload) => {
  const progress = decodeOrRefuse(ota.v1.Progress.decode, payload, 'Progress');
  const to = STATE_OF_PHASE[progress.phase];
  if (!to || !progress.executionId) return;
  const outcome = await ctx.phases.move(vin, progress.executionId, to);
  if (outcome && !outcome.ok && outcome.current !== null && outcome.current !== to) {
    ctx.log.info({ vin, executionId: progress.executionId, to, current: outcome.current }, 'late progress');
  }
};
