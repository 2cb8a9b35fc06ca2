import { describe, expect, it } from 'vitest';
import { buildReport, thresholdVerdict } from './report.js';
import { renderReportHtml } from './report-html.js';
import type { RehearsalSummary } from './rehearsal.js';

const summary: RehearsalSummary = {
  vehicles: 3,
  eligible: 3,
  succeeded: 2,
  failed: 1,
  campaignState: 'paused',
  durationMs: 4200,
  bytesSent: 3_000_000,
  byState: { succeeded: 2, failed: 1 },
  offered: 3,
  bytesResent: 0,
  chunkDiskReads: 16,
  imageChunks: 16,
  reconnects: 1,
  pauseReason: { threshold: 'errorShare', message: 'phase 1 failures 33% > 10% </script><script>alert(1)</script>' },
  phaseSizes: [3, 10],
  onNewVersion: 2,
  throughputMBps: 0.71,
  updateVersion: '1.5.0',
  campaignId: 'c-42',
  schema: 's',
  logFile: 'l',
  fleet: { name: 'example', seed: 1, models: { Aster: 3 }, regions: { EU: 3 }, battery: { healthy: 3 }, links: { lte: 3 } },
  settings: { timeScale: 0.01, imageSize: 1_000_000, ratePerMinute: 6000, maxInFlight: 100, phases: '3,100%', inject: 'install-failure=0.3', consent: 'forced' },
  phases: [{ size: 3, succeeded: 2, failed: 1, active: 0 }, { size: 10, succeeded: 0, failed: 0, active: 0 }],
  stoppedBeforePhase2: true,
  timeline: [
    { tMs: 0, state: 'running', counts: { queued: 3 }, bytesSent: 0, bytesReceived: 0, connected: 3, reconnects: 0 },
    { tMs: 1000, state: 'running', counts: { downloading: 2, offered: 1 }, bytesSent: 1_500_000, bytesReceived: 1_400_000, connected: 3, reconnects: 0 },
    { tMs: 4200, state: 'paused', counts: { succeeded: 2, failed: 1 }, bytesSent: 3_000_000, bytesReceived: 3_000_000, connected: 3, reconnects: 1 },
  ],
  timeToUpdateMs: [1800, 2600],
  failuresByCode: { INSTALL_FAILED: 1 },
  projection: { projectedRealTimeMs: 95_000, modelAtRunScaleMs: 4000, flashMsReal: 55_100, flashMsScaled: 551, method: 'test' },
};

describe('the HTML report', () => {
  const report = buildReport(summary, new Date('2026-12-01T00:00:00Z'));
  const html = renderReportHtml(report);

  it('embeds the data of every chart', () => {
    const embedded = html.match(/<script id="report-data" type="application\/json">([\s\S]*?)<\/script>/)![1]!;
    const data = JSON.parse(embedded) as typeof report;
    expect(data.timeline.map((s) => s.counts)).toEqual(summary.timeline.map((s) => s.counts));
    expect(data.timeline.map((s) => s.bytesSent)).toEqual([0, 1_500_000, 3_000_000]);
    expect(data.timeToUpdate).toEqual({ ms: [1800, 2600], p50Ms: 2600, p90Ms: 2600, maxMs: 2600 });
    expect(data.failuresByCode).toEqual({ INSTALL_FAILED: 1 });
    expect(data.duration).toMatchObject({ measuredMs: 4200, projectedRealTimeMs: 95_000 });
    for (const id of ['states', 'throughput', 'ttu', 'failures']) expect(html).toContain(`<div id="${id}"></div>`);
  });

  it('is self-contained: no external URL, no linked script, style or image', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('cannot be broken out of by a value that closes the script element', () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('\\u003c/script>');
  });

  it('answers the threshold question in words', () => {
    expect(report.thresholds.verdict).toMatch(/^yes: paused in phase 1 before any phase 2 vehicle was offered/);
    expect(thresholdVerdict({ ...summary, stoppedBeforePhase2: false, pauseReason: null, campaignState: 'completed' })).toMatch(/^no: the thresholds let it through/);
    expect(thresholdVerdict({ ...summary, phaseSizes: [3] })).toMatch(/^one phase only/);
  });
});
