import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, densestWindow } from '@ota/campaign-core/testing';
import { bareBullmqDispatch } from '../baseline/bare-bullmq.js';
import { loadBenchPki } from '../bench-pki.js';
import { processCpuMs } from '../proc-stats.js';
import { benchFleet, cancelAndSettle, createFleet, importFleet, prepareCampaign, startVehicles, waitForOffers } from '../project-fleet.js';
import { startProjectGateway } from '../project-gateway.js';
import { benchResult, compare, type BenchResult } from '../report.js';
import { controlPlaneMeter } from '../server-cpu.js';
import type { BenchOptions } from './options.js';

/**
 * One campaign over N connected vehicles with no rate limit (offers per second, CPU per vehicle in
 * Postgres, Redis and the gateway), then campaigns paced at each of `rates` per second, whose densest
 * sliding second of offers is compared with the rate. Vehicles are real SimulatedFleet vehicles with a
 * small image: they download, install and report, so the campaign ends.
 */
export async function benchDispatch(opts: BenchOptions): Promise<BenchResult> {
  const n = opts.vehicles ?? (opts.smoke ? 20 : 10_000);
  const imageBytes = opts.imageSize ?? 1024;
  const rates = opts.rates ?? [100, 1000];
  const records = benchFleet(n);
  const vins = records.map((r) => r.vin);
  opts.say(`dispatch: ${n} vehicles, ${imageBytes}-byte image; rate checks at ${rates.join(', ')}/s`);
  const pki = await loadBenchPki(vins);
  const gw = await startProjectGateway({ chunkSize: 64 * 1024, maxImageBytes: imageBytes });
  const pool = createPool({ url: TEST_DATABASE_URL, schema: gw.schema });
  try {
    const bare = await bareBullmqDispatch(gw.redisUrl, vins);
    opts.say(`bare BullMQ + aedes: ${bare.perSecond.toFixed(0)} jobs/s, Redis ${bare.redisCpuMsPerJob.toFixed(3)} ms CPU per job`);
    // The limiter alone, with the dispatcher's settings, at each rate: does it hold where the whole path cannot go?
    const bareAccuracy: Record<string, number> = {};
    for (const rate of rates) {
      const paced = await bareBullmqDispatch(gw.redisUrl, vins.slice(0, Math.min(n, rate * 5)), rate * 60);
      const densest = densestWindow(paced.startedAt, 1000);
      bareAccuracy[`rate${rate}`] = densest / rate;
      opts.say(`bare BullMQ paced at ${rate}/s: densest sliding second ${densest} jobs (${(densest / rate).toFixed(3)} x the rate)`);
    }

    await importFleet(gw, records);
    const fleet = createFleet(gw, records, pki);
    try {
      const connectStart = performance.now();
      await startVehicles(fleet, 100);
      opts.say(`${n} vehicles connected in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, 1000)); // version reports land before the CPU clocks start

      const unlimited = await prepareCampaign(gw, { version: '1.5.0', imageBytes, ratePerMinute: 1_000_000, maxInFlight: 100_000 });
      const controlPlaneCpu = await controlPlaneMeter(gw);
      const gatewayBefore = await processCpuMs(gw.server.pid);
      // When vehicles accept their offers and start downloading: offered_at is the claim's commit, and an
      // offer may leave well after it (or, before 3c8bd98, not until every claim of the burst had committed).
      const downloads: number[] = [];
      const onDownload = () => downloads.push(performance.now());
      fleet.on('download', onDownload);
      const startCall = performance.now();
      await gw.api.startCampaign(unlimited.id);
      const status = await waitForOffers(gw, unlimited.id, unlimited.eligible, 10 * 60_000);
      const spent = await controlPlaneCpu();
      const gatewayMs = (await processCpuMs(gw.server.pid)) - gatewayBefore;
      // The last offer may still be on its way to its vehicle when the last claim is seen.
      for (const until = Date.now() + 60_000; downloads.length < unlimited.eligible && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
      const received = downloads.length;
      fleet.off('download', onDownload);
      const receivedSeconds = received > 0 ? (downloads[received - 1]! - startCall) / 1000 : 0;
      const offers = await offerTimes(pool, unlimited.id);
      const startedAt = Date.parse(status.campaign.startedAt ?? '');
      const offerSeconds = (Math.max(...offers) - startedAt) / 1000;
      const perSecond = offers.length / offerSeconds;
      const eligible = unlimited.eligible;
      const settled = await cancelAndSettle(gw, unlimited.id, 60_000);
      opts.say(
        `unthrottled: ${offers.length} offers in ${offerSeconds.toFixed(2)} s (${perSecond.toFixed(0)}/s), ${status.counts.succeeded ?? 0} succeeded by then; ` +
          `${received} taken up by their vehicles in ${receivedSeconds.toFixed(2)} s from the start call; ` +
          `CPU per vehicle: Postgres ${(spent.postgresCpuMs / eligible).toFixed(2)} ms (${spent.postgresBackends} backends), Redis ${(spent.redisCpuMs / eligible).toFixed(2)} ms, gateway ${(gatewayMs / eligible).toFixed(2)} ms`,
      );

      const accuracy: Record<string, number> = {};
      let version = 6;
      for (const rate of rates) {
        const m = Math.min(n, rate * 5);
        const paced = await prepareCampaign(gw, { version: `1.${version++}.0`, imageBytes, ratePerMinute: rate * 60, maxInFlight: 100_000, vins: vins.slice(0, m) });
        await gw.api.startCampaign(paced.id);
        await waitForOffers(gw, paced.id, paced.eligible, 10 * 60_000);
        await cancelAndSettle(gw, paced.id, 60_000);
        const densest = densestWindow(await offerTimes(pool, paced.id), 1000);
        accuracy[`rate${rate}`] = densest / rate;
        opts.say(`paced at ${rate}/s over ${paced.eligible} vehicles: densest sliding second ${densest} offers (${(densest / rate).toFixed(3)} x the rate)`);
      }

      return benchResult('dispatch', compare('offers/s', perSecond, { 'bullmq-bare': bare.perSecond }, 'higher'), {
        secondary: {
          redisCpuPerVehicle: compare('ms', spent.redisCpuMs / eligible, { 'bullmq-bare': bare.redisCpuMsPerJob }, 'lower'),
        },
        extra: {
          postgresCpuMsPerVehicle: spent.postgresCpuMs / eligible,
          postgresBackends: spent.postgresBackends,
          redisCpuMsPerVehicle: spent.redisCpuMs / eligible,
          gatewayCpuMsPerVehicle: gatewayMs / eligible,
          offers: offers.length,
          succeededWhenAllOffered: status.counts.succeeded ?? 0,
          settledAfterCancel: settled ? 1 : 0,
          offerSeconds,
          offersTakenUp: received,
          offersTakenUpPerS: receivedSeconds > 0 ? received / receivedSeconds : 0,
          offersTakenUpSeconds: receivedSeconds,
          ...Object.fromEntries(Object.entries(accuracy).map(([k, v]) => [`densestSecondOverRate_${k}`, v])),
          ...Object.fromEntries(Object.entries(bareAccuracy).map(([k, v]) => [`bareBullmqDensestSecondOverRate_${k}`, v])),
        },
        sizes: { vehicles: n, eligible, imageBytes, ...Object.fromEntries(rates.map((r) => [`vehiclesAt${r}PerS`, Math.min(n, r * 5)])) },
        notes: [
          'project: SimulatedFleet vehicles (real protocol, small image) connected before the campaign starts; offers/s = offers / (last offered_at - campaign started_at)',
          'offersTakenUp, offersTakenUpPerS, offersTakenUpSeconds: offers the vehicles accepted (their download began), per second from the start call to the last of them; offers/s above counts claims committed, which may run ahead of the offers sent',
          'the unthrottled campaign is measured from its start until every vehicle has an offer, then cancelled: a full-size run in which it was left to finish stalled (see docs/benchmarks.md); paced campaigns likewise',
          'CPU per vehicle from campaign start until all are offered (vehicles already requesting chunks overlap it): Postgres = backends with this gateway\'s application_name (/proc/<pid>/schedstat, sampled every 200 ms), Redis = INFO cpu of a private redis-server, gateway = its child process',
          'bullmq-bare: one BullMQ job per vehicle on the same private Redis, worker concurrency 100, each publishing a small message through an in-process aedes; no Postgres, no signing, no vehicles',
          'densestSecondOverRate: densest sliding 1 s window of offered_at (Postgres) / configured rate; below 1 in a smoke run where the fleet is smaller than one second of the rate',
          'bareBullmqDensestSecondOverRate: the same for the bare BullMQ jobs (start times) paced with the dispatcher\'s limiter settings (limiterFor, a global rate limit): the limiter on its own, where the whole path cannot reach the rate',
        ],
      });
    } finally {
      await fleet.stop();
    }
  } finally {
    await pool.end();
    await gw.stop();
  }
}

async function offerTimes(pool: ReturnType<typeof createPool>, campaignId: string): Promise<number[]> {
  const { rows } = await pool.query<{ offered_at: Date }>('SELECT offered_at FROM executions WHERE campaign_id = $1 AND offered_at IS NOT NULL', [campaignId]);
  return rows.map((r) => r.offered_at.getTime());
}

