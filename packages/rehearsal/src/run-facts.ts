import type { Pool } from 'pg';
import type { CampaignStatus } from './admin-client.js';
import type { Sample } from './sampler.js';
import { flashDurationMs, type FleetMember } from '@ota/vehicle-sim';

/** What the database knows about each execution of a campaign, for the report. */
/** Final failures only: a vehicle waiting for a retry (e.g. after LOW_BATTERY) has not failed. */
export async function executionFacts(pool: Pool, campaignId: string): Promise<{ timeToUpdateMs: number[]; failuresByCode: Record<string, number> }> {
  // From the first offer (retries included) to the success: what a driver would wait.
  const times = await pool.query<{ ms: string }>(
    `SELECT extract(epoch FROM (e.finished_at - min(t.at))) * 1000 AS ms
     FROM executions e JOIN execution_transitions t ON t.execution_id = e.id AND t.to_state = 'offered'
     WHERE e.campaign_id = $1 AND e.state = 'succeeded' AND e.finished_at IS NOT NULL
     GROUP BY e.id, e.finished_at`,
    [campaignId],
  );
  const codes = await pool.query<{ code: string; n: string }>(
    `SELECT coalesce(result_code, state) AS code, count(*) AS n FROM executions
     WHERE campaign_id = $1 AND state IN ('failed', 'timed_out', 'cancelled', 'rejected')
     GROUP BY 1`,
    [campaignId],
  );
  return {
    timeToUpdateMs: times.rows.map((r) => Math.round(Number(r.ms))),
    failuresByCode: Object.fromEntries(codes.rows.map((r) => [r.code, Number(r.n)])),
  };
}

export interface FleetMix {
  name: string;
  seed: number;
  models: Record<string, number>;
  regions: Record<string, number>;
  battery: Record<string, number>;
  links: Record<string, number>;
}

export function fleetMix(members: readonly FleetMember[], name: string, seed: number): FleetMix {
  const count = (key: (m: FleetMember) => string) => {
    const out: Record<string, number> = {};
    for (const m of members) out[key(m)] = (out[key(m)] ?? 0) + 1;
    return out;
  };
  return { name, seed, models: count((m) => m.record.model), regions: count((m) => m.record.region), battery: count((m) => m.battery), links: count((m) => m.link?.name ?? 'unshaped') };
}

/** Mean real-time flash of `imageSize` bytes on the target module, over the vehicles that have it. */
export function meanFlashMs(members: readonly FleetMember[], module: string, imageSize: number): number {
  let sum = 0;
  let n = 0;
  for (const m of members) {
    const i = m.record.ecus.findIndex((e) => e.module === module);
    if (i < 0) continue;
    sum += flashDurationMs(m.record.ecus[i]!.bus, imageSize, 1, m.ecus[i]?.flash);
    n++;
  }
  return n ? sum / n : 0;
}

export interface Projection {
  /** The campaign at real flash time; null without a success to measure a vehicle by. */
  projectedRealTimeMs: number | null;
  /** The flow model at the run's own time scale, beside the measured duration to show how far to trust it. */
  modelAtRunScaleMs: number | null;
  flashMsReal: number;
  flashMsScaled: number;
  method: string;
}

/**
 * How long the campaign would take with flashing at real time: the measured duration plus what a flow model
 * adds when each vehicle takes the flash time the time scale took away. In the model, a vehicle takes the
 * mean measured time to update, and vehicles flow at the lower of the dispatch rate and max-in-flight over
 * that time (Little's law). Phase gates and retry back-off are measured, not modelled.
 */
export function projectDuration(p: { measuredMs: number; meanTimeToUpdateMs: number | null; flashMsReal: number; timeScale: number; eligible: number; ratePerMinute: number; maxInFlight: number }): Projection {
  const flashMsScaled = p.flashMsReal * p.timeScale;
  const method = 'measured duration + what real flash time adds at min(rate, max-in-flight / mean time to update)';
  if (p.meanTimeToUpdateMs === null || p.eligible === 0) return { projectedRealTimeMs: null, modelAtRunScaleMs: null, flashMsReal: p.flashMsReal, flashMsScaled, method };
  const model = (perVehicleMs: number) => {
    const perMs = Math.min(p.ratePerMinute / 60_000, p.maxInFlight / Math.max(perVehicleMs, 1));
    return (p.eligible - 1) / perMs + perVehicleMs;
  };
  const atRunScale = model(p.meanTimeToUpdateMs);
  const atRealTime = model(p.meanTimeToUpdateMs - flashMsScaled + p.flashMsReal);
  return { projectedRealTimeMs: Math.round(p.measuredMs + atRealTime - atRunScale), modelAtRunScaleMs: Math.round(atRunScale), flashMsReal: p.flashMsReal, flashMsScaled, method };
}

/**
 * The summary fields a report needs, from what a rehearsal run knows at its end: `timeline` sampled about
 * every second, `timeToUpdateMs` per succeeded vehicle (first offer to success), `stoppedBeforePhase2`
 * (null with one phase), the duration `projection`.
 */
export function reportFields(run: {
  members: readonly FleetMember[];
  fleetName: string;
  module: string;
  opts: { seed: number; timeScale: number; imageSize: number; ratePerMinute: number; maxInFlight: number; phases?: string | undefined; inject?: string | undefined; consent?: string | undefined };
  status: CampaignStatus;
  eligible: number;
  phaseSizes: number[];
  durationMs: number;
  timeline: Sample[];
  facts: { timeToUpdateMs: number[]; failuresByCode: Record<string, number> };
}) {
  const { opts, facts } = run;
  const times = facts.timeToUpdateMs;
  return {
    fleet: fleetMix(run.members, run.fleetName, opts.seed),
    settings: {
      timeScale: opts.timeScale,
      imageSize: opts.imageSize,
      ratePerMinute: opts.ratePerMinute,
      maxInFlight: opts.maxInFlight,
      phases: opts.phases ?? null,
      inject: opts.inject ?? null,
      consent: opts.consent ?? 'forced',
    },
    phases: run.status.phases,
    // Phase 1 is the first phaseSizes[0] vehicles; no offer beyond them means phase 2 never began.
    stoppedBeforePhase2: run.phaseSizes.length < 2 ? null : run.status.campaign.pauseReason !== null && run.status.offered <= run.phaseSizes[0]!,
    timeline: run.timeline,
    ...facts,
    projection: projectDuration({
      measuredMs: run.durationMs,
      meanTimeToUpdateMs: times.length === 0 ? null : times.reduce((a, b) => a + b, 0) / times.length,
      flashMsReal: meanFlashMs(run.members, run.module, opts.imageSize),
      timeScale: opts.timeScale,
      eligible: run.eligible,
      ratePerMinute: opts.ratePerMinute,
      maxInFlight: opts.maxInFlight,
    }),
  };
}
