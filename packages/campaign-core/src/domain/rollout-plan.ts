/**
 * A rollout plan: waves that each cover more of the target set, gated by a success threshold and stopped by
 * an error threshold. Pure: every decision is a function of the counts it is given.
 */

/** One wave, by its cumulative size: "10" = the first 10 vehicles, "25%" = up to a quarter of the targets. */
export interface PhaseSpec {
  size: { count: number } | { percent: number };
  /** 'manual': the phase waits for an operator's approval before its first offer. */
  approval: 'auto' | 'manual';
}

export interface RolloutPolicy {
  phases: PhaseSpec[];
  /** Share (0..1) of a phase's vehicles that must be confirmed on the new version before the next phase. */
  successThreshold: number;
  /** The campaign pauses itself when a phase's failures exceed this share (0..1) of the phase... */
  errorShare: number;
  /** ...or reach this count, whichever comes first. */
  errorCount: number | null;
}

export const DEFAULT_ROLLOUT: RolloutPolicy = {
  phases: [{ size: { percent: 100 }, approval: 'auto' }],
  successThreshold: 0.9,
  errorShare: 0.1,
  errorCount: null,
};

export class PlanError extends Error {}

/** Parses "10,25%,100%" (a CLI or API shorthand) into phases with automatic approval. */
export function parsePhases(text: string): PhaseSpec[] {
  const parts = text.split(',').map((p) => p.trim());
  return parts.map((p) => {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(p);
    if (!m) throw new PlanError(`"${p}" is neither a vehicle count nor a percentage`);
    const n = Number(m[1]);
    if (m[2]) {
      if (n <= 0 || n > 100) throw new PlanError(`${p} is not a percentage in (0, 100]`);
      return { size: { percent: n }, approval: 'auto' };
    }
    if (!Number.isInteger(n) || n < 1) throw new PlanError(`${p} is not a whole number of vehicles`);
    return { size: { count: n }, approval: 'auto' };
  });
}

/**
 * The cumulative end of each phase over `total` targets. Sizes are cumulative and never shrink; the last
 * phase always takes the rest, so every target belongs to exactly one phase.
 */
export function phaseBoundaries(total: number, phases: readonly PhaseSpec[]): number[] {
  const ends: number[] = [];
  let previous = 0;
  for (const phase of phases) {
    const raw = 'count' in phase.size ? phase.size.count : Math.ceil((phase.size.percent / 100) * total);
    const end = Math.min(total, Math.max(previous, raw));
    ends.push(end);
    previous = end;
  }
  if (ends.length > 0) ends[ends.length - 1] = total;
  return ends;
}

/** Which phase the target at `index` (0-based, in dispatch order) belongs to. */
export function phaseOf(index: number, boundaries: readonly number[]): number {
  const phase = boundaries.findIndex((end) => index < end);
  return phase === -1 ? boundaries.length - 1 : phase;
}

/** A phase's executions by outcome. Acknowledged failures were set aside by an operator and count nowhere. */
export interface PhaseCounts {
  size: number;
  succeeded: number;
  /** failed or timed out, not acknowledged */
  failed: number;
  acknowledged: number;
  /** not final yet (queued, offered, downloading, installing, installed) */
  active: number;
  /** failure result codes and how often each occurred, for the pause reason */
  failureCodes: Record<string, number>;
}

export interface PauseReason {
  threshold: 'error-share' | 'error-count' | 'success-not-reached';
  phase: number;
  limit: number;
  failed: number;
  succeeded: number;
  size: number;
  resultCodes: Record<string, number>;
  message: string;
}

export type PhaseVerdict =
  | { decision: 'continue' }
  | { decision: 'next' }
  | { decision: 'pause'; reason: PauseReason };

/**
 * What a phase's counts mean: keep going, open the next phase, or stop. The error threshold is checked
 * first and at every result, so a bad release stops as soon as it shows, not when the phase ends.
 */
export function evaluatePhase(phase: number, counts: PhaseCounts, policy: RolloutPolicy): PhaseVerdict {
  const considered = counts.size - counts.acknowledged;
  if (considered <= 0) return { decision: 'next' };
  const base = { phase, failed: counts.failed, succeeded: counts.succeeded, size: counts.size, resultCodes: counts.failureCodes };
  if (policy.errorCount !== null && counts.failed >= policy.errorCount) {
    return {
      decision: 'pause',
      reason: { ...base, threshold: 'error-count', limit: policy.errorCount, message: `${counts.failed} failures in phase ${phase + 1} reached the error count ${policy.errorCount}` },
    };
  }
  if (counts.failed / considered > policy.errorShare) {
    return {
      decision: 'pause',
      reason: {
        ...base,
        threshold: 'error-share',
        limit: policy.errorShare,
        message: `${counts.failed} of ${considered} vehicles failed in phase ${phase + 1} (${pct(counts.failed / considered)}), above the error threshold ${pct(policy.errorShare)}`,
      },
    };
  }
  if (counts.succeeded / considered >= policy.successThreshold) return { decision: 'next' };
  if (counts.active === 0) {
    return {
      decision: 'pause',
      reason: {
        ...base,
        threshold: 'success-not-reached',
        limit: policy.successThreshold,
        message: `phase ${phase + 1} ended with ${counts.succeeded} of ${considered} confirmed (${pct(counts.succeeded / considered)}), below the success threshold ${pct(policy.successThreshold)}`,
      },
    };
  }
  return { decision: 'continue' };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
