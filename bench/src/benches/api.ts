import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadBenchPki } from '../bench-pki.js';
import { benchFleet, createFleet, importFleet, prepareCampaign, startVehicles } from '../project-fleet.js';
import { startProjectGateway, type ProjectGateway } from '../project-gateway.js';
import { benchResult, compare, type BenchResult } from '../report.js';
import type { BenchOptions } from './options.js';

interface Latency {
  p50: number;
  p99: number;
  requestsPerS: number;
  /** Requests that got no answer within autocannon's 10 s timeout: not in the percentiles. */
  timeouts: number;
  errors: number;
}

/**
 * Latency of GET /v1/campaigns/:id (what a dashboard polls) with autocannon, first on an idle gateway with
 * the campaign defined, then while that campaign rolls out to N connected vehicles.
 */
export async function benchApi(opts: BenchOptions): Promise<BenchResult> {
  const n = opts.vehicles ?? (opts.smoke ? 20 : 10_000);
  const imageBytes = opts.imageSize ?? 64 * 1024;
  const durationS = opts.durationS ?? (opts.smoke ? 1 : 10);
  const connections = opts.concurrency ?? 10;
  // Paced so the rollout is still running when the measurement ends: N vehicles over about 2x the duration.
  const ratePerMinute = Math.max(60, Math.round((n / (2 * durationS)) * 60));
  const records = benchFleet(n);
  opts.say(`api: ${n} vehicles, ${imageBytes}-byte image, rollout at ${ratePerMinute}/min; autocannon ${connections} connections x ${durationS} s`);
  const pki = await loadBenchPki(records.map((r) => r.vin));
  const gw = await startProjectGateway({ chunkSize: 64 * 1024, maxImageBytes: imageBytes });
  try {
    await importFleet(gw, records);
    const fleet = createFleet(gw, records, pki);
    try {
      await startVehicles(fleet, 100);
      const campaign = await prepareCampaign(gw, { version: '1.5.0', imageBytes, ratePerMinute, maxInFlight: 100_000 });
      const path = `/v1/campaigns/${campaign.id}`;
      await autocannon(gw, path, connections, 1); // warm-up: JIT and connection pools, not measured
      const idle = await autocannon(gw, path, connections, durationS);
      opts.say(`idle: p50 ${idle.p50} ms, p99 ${idle.p99} ms, ${idle.requestsPerS.toFixed(0)} req/s, ${idle.timeouts} timeouts`);
      await gw.api.startCampaign(campaign.id);
      const loaded = await autocannon(gw, path, connections, durationS);
      const status = await gw.api.campaignStatus(campaign.id);
      const finished = status.campaign.state !== 'running';
      opts.say(
        `during the rollout: p50 ${loaded.p50} ms, p99 ${loaded.p99} ms, ${loaded.requestsPerS.toFixed(0)} req/s, ${loaded.timeouts} timeouts (${loaded.errors} errors); ` +
          `${status.offered} offered, ${status.counts.succeeded ?? 0} succeeded when it ended${finished ? ' (the rollout had already finished)' : ''}`,
      );
      if (loaded.requestsPerS === 0) opts.say('warning: no request was answered during the rollout; p99 0 means "no sample", not "fast"');
      await gw.api.cancelCampaign(campaign.id, 'bench over').catch(() => {});
      return benchResult('api', compare('ms p99', loaded.p99, { idle: idle.p99 }, 'lower'), {
        secondary: {
          p50: compare('ms', loaded.p50, { idle: idle.p50 }, 'lower'),
          requestsPerS: compare('req/s', loaded.requestsPerS, { idle: idle.requestsPerS }, 'higher'),
        },
        extra: { answeredDuringRollout: Math.round(loaded.requestsPerS * durationS), timeoutsDuringRollout: loaded.timeouts, errorsDuringRollout: loaded.errors, timeoutsIdle: idle.timeouts, offeredDuringMeasurement: status.offered, succeededDuringMeasurement: status.counts.succeeded ?? 0, rolloutFinishedBeforeEnd: finished ? 1 : 0 },
        sizes: { vehicles: n, imageBytes, ratePerMinute, connections, durationS },
        notes: [
          'baseline "idle": the same request on the same gateway before the campaign starts (vehicles connected, nothing dispatched)',
          'p50/p99 cover answered requests only: requests without an answer within 10 s count as timeouts (autocannon default), see extra',
          'autocannon runs in its own process; the gateway in another; vehicles in the bench process; all on the same 2 cores',
        ],
      });
    } finally {
      await fleet.stop();
    }
  } finally {
    await gw.stop();
  }
}

/** autocannon's CLI in its own process, so the vehicles' event loop does not delay its clock. */
function autocannon(gw: ProjectGateway, path: string, connections: number, durationS: number): Promise<Latency> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [bin, '--json', '-c', String(connections), '-d', String(durationS), '-H', `authorization=Bearer ${gw.token}`, gw.httpUrl + path];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
      const r = JSON.parse(out) as { latency: { p50: number; p99: number }; requests: { average: number }; non2xx: number; errors: number; timeouts: number };
      if (r.non2xx > 0) return reject(new Error(`autocannon saw ${r.non2xx} non-2xx answers`));
      resolve({ p50: r.latency.p50, p99: r.latency.p99, requestsPerS: r.requests.average, timeouts: r.timeouts, errors: r.errors });
    });
  });
}
