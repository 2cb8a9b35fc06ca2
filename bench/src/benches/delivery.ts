import type { MqttClient } from 'mqtt';
import { vehicleTopic } from '@ota/proto';
import { connectBaselineVehicle, downloadImage } from '../baseline/chunk-protocol.js';
import { startPrivateMosquitto } from '../baseline/private-mosquitto.js';
import { BENCH_PKI_DIR, loadBenchPki, vehicleCertFiles, type BenchPki } from '../bench-pki.js';
import { closedLoop } from '../closed-loop.js';
import { processCpuMs } from '../proc-stats.js';
import { startMeasureHook } from '../measure-hook.js';
import { controlPlaneMeter } from '../server-cpu.js';
import { benchFleet, createFleet, followCampaign, importFleet, prepareCampaign, startVehicles } from '../project-fleet.js';
import { startProjectGateway } from '../project-gateway.js';
import { benchResult, compare, type BenchResult } from '../report.js';
import { startServerProcess } from '../server-process.js';
import type { BenchOptions } from './options.js';

const CHUNK_SIZE = 64 * 1024;
const CHUNK_SERVER = 'chunk-server';

interface DeliveryFigures {
  mbPerS: number;
  vehiclesPerMinute: number;
  seconds: number;
  /** CPU of the server processes (broker, chunk server) per MB delivered. */
  serverCpuMsPerMB: number;
  /** CPU of this process, the vehicles' side, per MB delivered. */
  clientCpuMsPerMB: number;
  /** Everything this system spent per MB: servers, vehicles and (project) its Postgres backends and Redis. */
  totalCpuMsPerMB: number;
}

/** CPU of some processes and of this one, from now until the returned function is called (a measured round). */
async function cpuMeter(round: string, pids: number[]): Promise<(mb: number) => Promise<{ serverCpuMsPerMB: number; clientCpuMsPerMB: number }>> {
  const stopHook = startMeasureHook(round, pids);
  const serverBefore = await Promise.all(pids.map(processCpuMs));
  const clientBefore = process.cpuUsage();
  return async (mb) => {
    await stopHook();
    const serverAfter = await Promise.all(pids.map(processCpuMs));
    const client = process.cpuUsage(clientBefore);
    const serverMs = serverAfter.reduce((sum, v, i) => sum + v - serverBefore[i]!, 0);
    return { serverCpuMsPerMB: serverMs / mb, clientCpuMsPerMB: (client.user + client.system) / 1000 / mb };
  };
}

/**
 * N vehicles each pull one image over mutual TLS, pull-based with `window` single-chunk requests in flight,
 * each chunk checked against its SHA-256. The clock runs from the first request (project: the campaign
 * start) until the last vehicle has its image (project: its result is in Postgres).
 */
export async function benchDelivery(opts: BenchOptions): Promise<BenchResult> {
  const n = opts.vehicles ?? (opts.smoke ? 20 : 1000);
  const imageBytes = opts.imageSize ?? (opts.smoke ? 256 * 1024 : 1024 * 1024);
  const window = opts.window ?? 4;
  // Steady state, as for a gateway that has been up for a while: a round as large as the measured one first,
  // so that JIT compilation (a tenth of the gateway's CPU in a cold round) is not what gets measured.
  const warmup = Math.min(opts.warmup ?? n, n);
  const records = benchFleet(n);
  const vins = records.map((r) => r.vin);
  opts.say(`delivery: ${n} vehicles x ${imageBytes} bytes, ${CHUNK_SIZE / 1024} KiB chunks, ${window} in flight; ${warmup} warm up first${opts.cluster ? '; gateway in cluster mode' : ''}`);
  const pki = await loadBenchPki([...vins, CHUNK_SERVER]);
  const sizes = { n, imageBytes, window, warmup };

  const baselineFigures = opts.projectOnly ? null : await runBaselines(vins, pki, sizes, opts);

  const gw = await startProjectGateway({ chunkSize: CHUNK_SIZE, maxImageBytes: imageBytes, cluster: opts.cluster ?? false });
  let project: DeliveryFigures;
  let succeeded: number;
  let bytesSent: number;
  let bytesResent: number;
  let controlPlane: Record<string, number>;
  let timeline: Record<string, number>;
  try {
    await importFleet(gw, records);
    const fleet = createFleet(gw, records, pki, { chunkWindow: window });
    try {
      await startVehicles(fleet, 100);
      if (warmup > 0) {
        // An unmeasured campaign first, as the baselines warm up too: the measured one then meets a gateway
        // whose code paths have been run (JIT-compiled), as a gateway that has been up for a while would be.
        const first = await prepareCampaign(gw, { version: '1.4.3', imageBytes, ratePerMinute: 1_000_000, maxInFlight: warmup, vins: vins.slice(0, warmup) });
        await gw.api.startCampaign(first.id);
        const warmed = await followCampaign(gw, first.id, 10 * 60_000);
        if ((warmed.counts.succeeded ?? 0) < warmup) throw new Error(`warm-up campaign: ${JSON.stringify(warmed.counts)} of ${warmup}`);
      }
      const campaign = await prepareCampaign(gw, { version: '1.5.0', imageBytes, ratePerMinute: 1_000_000, maxInFlight: n });
      const before = await gw.metrics();
      const cpu = await cpuMeter('delivery-project', [gw.server.pid]);
      const controlPlaneCpu = await controlPlaneMeter(gw);
      // When each vehicle starts its download and sends its result: the round's shape (how long the offers
      // take to go out, how long the campaign takes to close after the last result).
      const downloads: number[] = [];
      const results: number[] = [];
      const onDownload = () => downloads.push(performance.now());
      const onResult = () => results.push(performance.now());
      fleet.on('download', onDownload).on('result', onResult);
      const started = performance.now();
      await gw.api.startCampaign(campaign.id);
      const status = await followCampaign(gw, campaign.id, 30 * 60_000);
      const seconds = (performance.now() - started) / 1000;
      fleet.off('download', onDownload).off('result', onResult);
      timeline = roundTimeline(started, downloads, results);
      const after = await gw.metrics();
      const spent = await controlPlaneCpu();
      controlPlane = { postgresCpuMsPerVehicle: spent.postgresCpuMs / n, postgresBackends: spent.postgresBackends, redisCpuMsPerVehicle: spent.redisCpuMs / n };
      bytesSent = after.bytesSent! - before.bytesSent!;
      bytesResent = after.bytesResent! - before.bytesResent!;
      succeeded = status.counts.succeeded ?? 0;
      // Images delivered, as for the baselines; chunks the gateway sent twice are in bytesResent.
      const mb = (succeeded * imageBytes) / 1e6;
      const used = await cpu(mb);
      const controlPlaneMsPerMB = (spent.postgresCpuMs + spent.redisCpuMs) / mb;
      project = {
        seconds,
        mbPerS: mb / seconds,
        vehiclesPerMinute: succeeded / (seconds / 60),
        ...used,
        totalCpuMsPerMB: used.serverCpuMsPerMB + used.clientCpuMsPerMB + controlPlaneMsPerMB,
      };
    } finally {
      await fleet.stop();
    }
  } finally {
    await gw.stop();
  }
  opts.say(
    `gateway, full path: ${fmt(project)}, ${succeeded}/${n} succeeded; per vehicle: Postgres ${controlPlane.postgresCpuMsPerVehicle!.toFixed(2)} ms ` +
      `(${controlPlane.postgresBackends} backends), Redis ${controlPlane.redisCpuMsPerVehicle!.toFixed(2)} ms`,
  );
  if (succeeded < n) opts.say(`warning: only ${succeeded} of ${n} vehicles succeeded`);

  const bareFigures = baselineFigures?.bare;
  const mosquittoFigures = baselineFigures?.mosquitto;
  const each = (f: (d: DeliveryFigures) => number): Record<string, number> =>
    bareFigures && mosquittoFigures ? { 'bare-aedes': f(bareFigures), mosquitto: f(mosquittoFigures) } : {};
  const baselines = each((d) => d.mbPerS);
  return benchResult('delivery', compare('MB/s', project.mbPerS, baselines, 'higher'), {
    secondary: {
      vehiclesPerMinute: compare('vehicles/min', project.vehiclesPerMinute, each((d) => d.vehiclesPerMinute), 'higher'),
      seconds: compare('s', project.seconds, each((d) => d.seconds), 'lower'),
      serverCpuPerMB: compare('ms', project.serverCpuMsPerMB, each((d) => d.serverCpuMsPerMB), 'lower'),
      clientCpuPerMB: compare('ms', project.clientCpuMsPerMB, each((d) => d.clientCpuMsPerMB), 'lower'),
      totalCpuPerMB: compare('ms', project.totalCpuMsPerMB, each((d) => d.totalCpuMsPerMB), 'lower'),
    },
    extra: { succeeded, bytesSent, bytesResent, ...controlPlane, ...timeline },
    sizes: { vehicles: n, imageBytes, chunkBytes: CHUNK_SIZE, window, warmup, cluster: opts.cluster ? 1 : 0 },
    notes: [
      'project: admin API defines the update, uploads the image and runs an unthrottled campaign; signed manifests, chunks from the gateway store, per-chunk verification in the SimulatedFleet, results into Postgres; gateway in a child process',
      'bare-aedes: aedes alone in a child process answering ota.v1.ChunkRequest in-process from memory, same TLS, chunk size, window and QoS (requests 1, chunks 0); plain mqtt.js clients verify each chunk SHA-256',
      `mosquitto: ${baselineFigures?.mosquittoDescription ?? 'not run (--project-only)'}; a Node chunk server (child process) connected as an MQTT client; the same plain clients`,
      'serverCpuPerMB: /proc CPU of the server processes (gateway; bare aedes; mosquitto + chunk server); clientCpuPerMB: the bench process, where the vehicles run; totalCpuPerMB: both, plus (project) its Postgres backends and Redis: the work per MB whatever the waits, the steadier comparison on a shared machine',
      'firstDownloadMs, medianDownloadMs, lastDownloadMs, lastResultMs (project only): from the campaign start call, when vehicles accepted their offers and began downloading, and when the last result was sent; the round ends when the campaign reads completed (status polled every 100 ms)',
      "postgresCpuMsPerVehicle, redisCpuMsPerVehicle (project only): the gateway's Postgres backends (pg_stat_activity, /proc) and its private redis-server, from campaign start to done",
      `warmup: before the measured round the first ${warmup} vehicles download once on each system (project: a campaign to 1.4.3), unmeasured, so each is measured in steady state, its code paths run and JIT-compiled; --warmup 0 measures from a cold start`,
      'MB/s counts the image bytes of completed downloads (no MQTT/TLS framing, no resends: see bytesResent); vehicles and servers share the same 2 cores',
    ],
  });
}

/** Milliseconds from `started` to the first, median and last download start, and to the last result. */
function roundTimeline(started: number, downloads: readonly number[], results: readonly number[]): Record<string, number> {
  const at = (times: readonly number[], q: number) => (times.length === 0 ? -1 : Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! - started));
  return { firstDownloadMs: at(downloads, 0), medianDownloadMs: at(downloads, 0.5), lastDownloadMs: at(downloads, 1), lastResultMs: at(results, 1) };
}

/** Bare aedes, then Mosquitto with its Node chunk server: the same vehicles, chunks and window. */
async function runBaselines(
  vins: string[],
  pki: BenchPki,
  sizes: { n: number; imageBytes: number; window: number; warmup: number },
  opts: BenchOptions,
): Promise<{ bare: DeliveryFigures; mosquitto: DeliveryFigures; mosquittoDescription: string }> {
  const { imageBytes } = sizes;
  const bare = await startServerProcess<{ port: number; chunkHashes: string[] }>('bare-aedes-server.ts', {
    BENCH_PKI_DIR,
    BENCH_IMAGE_BYTES: String(imageBytes),
    BENCH_CHUNK_SIZE: String(CHUNK_SIZE),
  });
  const bareFigures = await baselineRun('bare-aedes', `mqtts://127.0.0.1:${bare.info.port}`, bare.info.chunkHashes, vins, pki, sizes, [bare.pid]).finally(() => bare.stop());
  opts.say(`bare aedes, in-process chunks: ${fmt(bareFigures)}`);

  const mosquitto = await startPrivateMosquitto(BENCH_PKI_DIR);
  let mosquittoFigures: DeliveryFigures;
  try {
    const files = vehicleCertFiles(pki.pki, CHUNK_SERVER);
    const chunkServer = await startServerProcess<{ chunkHashes: string[] }>('chunk-server.ts', {
      BENCH_BROKER_URL: `mqtts://127.0.0.1:${mosquitto.port}`,
      BENCH_CA_FILE: `${BENCH_PKI_DIR}/ca.cert.pem`,
      BENCH_CERT_FILE: files.cert,
      BENCH_KEY_FILE: files.key,
      BENCH_IMAGE_BYTES: String(imageBytes),
      BENCH_CHUNK_SIZE: String(CHUNK_SIZE),
    });
    mosquittoFigures = await baselineRun('mosquitto', `mqtts://127.0.0.1:${mosquitto.port}`, chunkServer.info.chunkHashes, vins, pki, sizes, [mosquitto.pid, chunkServer.pid]).finally(() =>
      chunkServer.stop(),
    );
  } finally {
    await mosquitto.stop();
  }
  opts.say(`mosquitto + Node chunk server: ${fmt(mosquittoFigures)}`);
  return { bare: bareFigures, mosquitto: mosquittoFigures, mosquittoDescription: mosquitto.description };
}

async function baselineRun(
  round: string,
  url: string,
  chunkHashes: string[],
  vins: string[],
  pki: BenchPki,
  sizes: { n: number; imageBytes: number; window: number; warmup: number },
  serverPids: number[],
): Promise<DeliveryFigures> {
  const clients: MqttClient[] = new Array<MqttClient>(vins.length);
  try {
    await closedLoop(vins.length, 100, async (i) => {
      const vin = vins[i]!;
      clients[i] = await connectBaselineVehicle(url, vin, pki.tlsFor(vin), [vehicleTopic(vin, 'chunks/data')]);
    });
    // The same warm-up as the project's: some vehicles download once, unmeasured.
    await Promise.all(clients.slice(0, sizes.warmup).map((c, i) => downloadImage(c, vins[i]!, chunkHashes, sizes.window)));
    const cpu = await cpuMeter(`delivery-${round}`, serverPids);
    const started = performance.now();
    const bytes = await Promise.all(clients.map((c, i) => downloadImage(c, vins[i]!, chunkHashes, sizes.window)));
    const seconds = (performance.now() - started) / 1000;
    const total = bytes.reduce((a, b) => a + b, 0);
    if (total !== sizes.n * sizes.imageBytes) throw new Error(`baseline received ${total} bytes, expected ${sizes.n * sizes.imageBytes}`);
    const used = await cpu(total / 1e6);
    return {
      seconds,
      mbPerS: total / 1e6 / seconds,
      vehiclesPerMinute: vins.length / (seconds / 60),
      ...used,
      totalCpuMsPerMB: used.serverCpuMsPerMB + used.clientCpuMsPerMB,
    };
  } finally {
    await Promise.all(clients.filter(Boolean).map((c) => c.endAsync(true).catch(() => {})));
  }
}

function fmt(f: DeliveryFigures): string {
  return (
    `${f.mbPerS.toFixed(1)} MB/s, ${f.vehiclesPerMinute.toFixed(0)} vehicles/min (${f.seconds.toFixed(2)} s); ` +
    `CPU per MB: servers ${f.serverCpuMsPerMB.toFixed(1)} ms, vehicles ${f.clientCpuMsPerMB.toFixed(1)} ms, in all ${f.totalCpuMsPerMB.toFixed(1)} ms`
  );
}
