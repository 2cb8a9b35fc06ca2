import { DOWNLINK, vehicleTopic } from '@ota/proto';
import type { MqttClient } from 'mqtt';
import { connectBaselineVehicle } from '../baseline/chunk-protocol.js';
import { BENCH_PKI_DIR, loadBenchPki } from '../bench-pki.js';
import { closedLoop } from '../closed-loop.js';
import { sampleProcess } from '../proc-stats.js';
import { benchFleet, createFleet, importFleet, startVehicles } from '../project-fleet.js';
import { startProjectGateway } from '../project-gateway.js';
import { benchResult, compare, type BenchResult } from '../report.js';
import { startServerProcess } from '../server-process.js';
import type { BenchOptions } from './options.js';

interface ConnectFigures {
  perSecond: number;
  rssPerConnectionKiB: number;
  cpuPerConnectionMs: number;
}

/**
 * N vehicles connect over mutual TLS, at most `concurrency` handshakes at once. The server runs in a child
 * process; its CPU and RSS deltas over the connect phase are divided by N.
 */
export async function benchConnect(opts: BenchOptions): Promise<BenchResult> {
  const n = opts.vehicles ?? (opts.smoke ? 20 : 1000);
  const concurrency = opts.concurrency ?? 100;
  const settleMs = opts.smoke ? 200 : 1000;
  const records = benchFleet(n);
  opts.say(`connect: ${n} vehicles, ${concurrency} handshakes in flight; certificates under ${BENCH_PKI_DIR}`);
  const pki = await loadBenchPki(records.map((r) => r.vin));

  // Two rounds on each server: the first (cold) gives the memory a connection takes; all disconnect, and the
  // second gives the steady-state rate and CPU, with the code paths of a connection already JIT-compiled,
  // as on a gateway that has been up for a while. --warmup 0 takes everything from the cold round.
  const warm = (opts.warmup ?? 1) > 0;
  const bare = await startServerProcess<{ port: number }>('bare-aedes-server.ts', { BENCH_PKI_DIR });
  let baseline: ConnectFigures;
  try {
    const topics = (vin: string) => Object.values(DOWNLINK).map((s) => vehicleTopic(vin, s));
    const round = () => {
      const clients: MqttClient[] = [];
      const connectAll = () =>
        closedLoop(n, concurrency, async (i) => {
          const vin = records[i]!.vin;
          clients.push(await connectBaselineVehicle(`mqtts://127.0.0.1:${bare.info.port}`, vin, pki.tlsFor(vin), topics(vin)));
        });
      return { connectAll, disconnectAll: () => Promise.all(clients.map((c) => c.endAsync(true).catch(() => {}))).then(() => {}) };
    };
    baseline = await coldThenWarm(bare.pid, n, settleMs, warm, round);
  } finally {
    await bare.stop();
  }
  opts.say(`bare aedes: ${fmt(baseline)}`);

  const gw = await startProjectGateway({ chunkSize: 64 * 1024, maxImageBytes: 1024 * 1024 });
  let project: ConnectFigures;
  try {
    await importFleet(gw, records);
    const round = () => {
      const fleet = createFleet(gw, records, pki);
      return { connectAll: () => startVehicles(fleet, concurrency), disconnectAll: () => fleet.stop() };
    };
    project = await coldThenWarm(gw.server.pid, n, settleMs, warm, round);
  } finally {
    await gw.stop();
  }
  opts.say(`gateway: ${fmt(project)}`);

  const rss = compare('KiB', project.rssPerConnectionKiB, { 'bare-aedes': baseline.rssPerConnectionKiB }, 'lower');
  const cpu = compare('ms', project.cpuPerConnectionMs, { 'bare-aedes': baseline.cpuPerConnectionMs }, 'lower');
  return benchResult('connect', compare('connections/s', project.perSecond, { 'bare-aedes': baseline.perSecond }, 'higher'), {
    secondary: { rssPerConnection: rss, cpuPerConnection: cpu },
    extra: {},
    sizes: { vehicles: n, concurrency },
    notes: [
      'bare-aedes: aedes 1.2 alone in a child process, node:tls with the same CA and server certificate (ECDSA P-256), requestCert and rejectUnauthorized; plain mqtt.js clients that connect and subscribe to the 4 downlink topics',
      'project: the gateway (startGateway) in a child process; SimulatedFleet vehicles that connect, subscribe and publish their version report (written to Postgres), so the project side does more per connection',
      'cpuPerConnection and rssPerConnection: server process only (/proc/<pid>/stat, VmRSS), delta over the connect phase / vehicles; clients share the same 2 cores',
      `${warm ? 'two rounds per server: rssPerConnection from the first (cold) one; connections/s and cpuPerConnection from the second, after all disconnected, in steady state (code JIT-compiled); --warmup 0 for the cold round alone' : 'one cold round (--warmup 0)'}`,
    ],
  });
}

/** The cold round's RSS per connection; rate and CPU from the warm round after it (or the cold one). */
async function coldThenWarm(
  pid: number,
  n: number,
  settleMs: number,
  warm: boolean,
  round: () => { connectAll: () => Promise<void>; disconnectAll: () => Promise<void> },
): Promise<ConnectFigures> {
  const first = round();
  let cold: ConnectFigures;
  try {
    cold = await measure(pid, n, settleMs, first.connectAll);
  } finally {
    await first.disconnectAll();
  }
  if (!warm) return cold;
  const second = round();
  try {
    const steady = await measure(pid, n, settleMs, second.connectAll);
    return { ...steady, rssPerConnectionKiB: cold.rssPerConnectionKiB };
  } finally {
    await second.disconnectAll();
  }
}

async function measure(pid: number, n: number, settleMs: number, connectAll: () => Promise<void>): Promise<ConnectFigures> {
  // Let the server's startup settle so its RSS is a baseline, not a moving target.
  await new Promise((r) => setTimeout(r, settleMs));
  const before = await sampleProcess(pid);
  const started = performance.now();
  await connectAll();
  const seconds = (performance.now() - started) / 1000;
  // Version reports and SUBACKs still in the server's queue belong to the connect phase.
  await new Promise((r) => setTimeout(r, settleMs));
  const after = await sampleProcess(pid);
  return {
    perSecond: n / seconds,
    rssPerConnectionKiB: Math.max(after.rssBytes - before.rssBytes, 0) / 1024 / n,
    cpuPerConnectionMs: (after.cpuMs - before.cpuMs) / n,
  };
}

function fmt(f: ConnectFigures): string {
  return `${f.perSecond.toFixed(0)} connections/s, ${f.rssPerConnectionKiB.toFixed(1)} KiB RSS and ${f.cpuPerConnectionMs.toFixed(2)} ms CPU per connection`;
}
