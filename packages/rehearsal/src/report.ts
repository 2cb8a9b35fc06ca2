import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RehearsalSummary } from './rehearsal.js';
import { renderReportHtml } from './report-html.js';
import type { Sample } from './sampler.js';

/** Everything a report shows; also written as report.json. */
export interface RehearsalReport {
  generatedAt: string;
  campaign: { id: string; state: string; pauseReason: { threshold: string; message: string } | null };
  fleet: RehearsalSummary['fleet'];
  settings: RehearsalSummary['settings'];
  summary: Pick<RehearsalSummary, 'vehicles' | 'eligible' | 'succeeded' | 'failed' | 'offered' | 'bytesSent' | 'bytesResent' | 'reconnects' | 'throughputMBps' | 'onNewVersion' | 'byState' | 'phaseSizes'>;
  duration: RehearsalSummary['projection'] & { measuredMs: number };
  thresholds: { stoppedBeforePhase2: boolean | null; verdict: string; phases: RehearsalSummary['phases'] };
  timeline: Sample[];
  timeToUpdate: { ms: number[]; p50Ms: number; p90Ms: number; maxMs: number };
  failuresByCode: Record<string, number>;
}

export function buildReport(s: RehearsalSummary, generatedAt = new Date()): RehearsalReport {
  const ms = [...s.timeToUpdateMs].sort((a, b) => a - b);
  const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]! : 0);
  return {
    generatedAt: generatedAt.toISOString(),
    campaign: { id: s.campaignId, state: s.campaignState, pauseReason: s.pauseReason },
    fleet: s.fleet,
    settings: s.settings,
    summary: {
      vehicles: s.vehicles,
      eligible: s.eligible,
      succeeded: s.succeeded,
      failed: s.failed,
      offered: s.offered,
      bytesSent: s.bytesSent,
      bytesResent: s.bytesResent,
      reconnects: s.reconnects,
      throughputMBps: s.throughputMBps,
      onNewVersion: s.onNewVersion,
      byState: s.byState,
      phaseSizes: s.phaseSizes,
    },
    duration: { measuredMs: s.durationMs, ...s.projection },
    thresholds: { stoppedBeforePhase2: s.stoppedBeforePhase2, verdict: thresholdVerdict(s), phases: s.phases },
    timeline: s.timeline,
    timeToUpdate: { ms: s.timeToUpdateMs, p50Ms: q(0.5), p90Ms: q(0.9), maxMs: ms.at(-1) ?? 0 },
    failuresByCode: s.failuresByCode,
  };
}

/** "Would its thresholds have stopped a bad release before phase 2?", in words. */
export function thresholdVerdict(s: Pick<RehearsalSummary, 'stoppedBeforePhase2' | 'pauseReason' | 'phaseSizes' | 'failed' | 'campaignState'>): string {
  if (s.phaseSizes.length < 2) return `one phase only: nothing to stop before phase 2 (${s.failed} failed, campaign ${s.campaignState})`;
  if (s.stoppedBeforePhase2) return `yes: paused in phase 1 before any phase 2 vehicle was offered (${s.pauseReason?.message ?? 'no reason given'})`;
  if (s.pauseReason) return `paused, but only after phase 2 had started: ${s.pauseReason.message}`;
  return `no: the thresholds let it through (${s.failed} failed, campaign ${s.campaignState})`;
}

/** Writes report.json and report.html into `dir`; returns their paths. */
export async function writeReport(dir: string, summary: RehearsalSummary): Promise<{ json: string; html: string }> {
  const report = buildReport(summary);
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderReportHtml(report));
  return { json, html };
}
