import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL } from '@ota/campaign-core/testing';
import { DOWNLINK, vehicleTopic } from '@ota/proto';
import type { MqttClient } from 'mqtt';
import { connectBaselineVehicle } from '../baseline/chunk-protocol.js';
import { BENCH_PKI_DIR, loadBenchPki } from '../bench-pki.js';
import { closedLoop } from '../closed-loop.js';
import { startMeasureHook } from '../measure-hook.js';
import { sampleProcess } from '../proc-stats.js';
import { benchFleet, createFleet, importFleet, reportAll, startVehicles } from '../project-fleet.js';
import { startProjectGateway } from '../project-gateway.js';
import { benchResult, compare, type BenchResult } from '../report.js';
import { startServerProcess } from '../server-process.js';
import type { BenchOptions } from './options.js';

interface ConnectFigures {
  perSecond: number;
  rssPerConnectionKiB: number;
  /** Server CPU per connection from the TLS handshake to the SUBACK (the gateway: presence recorded too). */
  cpuPerConnectionMs: number;
  /** Project only: server CPU per vehicle for its first signed version report, after the connect. */
  reportCpuMs?: number;
}

/**
 * One round on a server: connect everyone; then, for the project, every vehicle's first report. Each step
 * resolves once the server has caught up with it (presence written, reports stored, disconnects seen), so
 * that no step's backlog is counted in the next one.
 */
interface Round {
  connectAll: () => Promise<void>;
  reportAll?: () => Promise<void>;
  disconnectAll: () => Promise<void>;
}

/** Polls until `probe` gives `want`; fails after 10 minutes with what it gave last. */
async function until(what: string, want: number, probe: () => Promise<number>): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (let got = await probe(); got !== want; got = await probe()) {
    if (Date.now() > deadline) throw new Error(`${what}: ${got}, not ${want}, after 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * N vehicles connect over mutual TLS, at most `concurrency` handshakes at once. The server runs in a child
 * process; its CPU and RSS deltas over the connect phase are divided by N. The project's vehicles then send
 * their first version report, all at once, measured apart: bare aedes has nothing like it, so the handshake
 * compares like with like, and the report's cost is shown beside it.
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
    const clientsOnServer = async () => (await bare.request<{ clients: number }>('metrics')).clients;
    const round = (): Round => {
      const clients: MqttClient[] = [];
      return {
        connectAll: () =>
          closedLoop(n, concurrency, async (i) => {
            const vin = records[i]!.vin;
            clients.push(await connectBaselineVehicle(`mqtts://127.0.0.1:${bare.info.port}`, vin, pki.tlsFor(vin), topics(vin)));
          }),
        disconnectAll: async () => {
          await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
          await until('bare aedes clients after the disconnects', 0, clientsOnServer);
        },
      };
    };
    baseline = await coldThenWarm('bare-aedes', bare.pid, n, settleMs, warm, round);
  } finally {
    await bare.stop();
  }
  opts.say(`bare aedes: ${fmt(baseline)}`);

  const gw = await startProjectGateway({ chunkSize: 64 * 1024, maxImageBytes: 1024 * 1024 });
  let project: ConnectFigures;
  try {
    await importFleet(gw, records);
    // What the gateway has written of the round so far: presence at each connect and disconnect, the reports
    // (acknowledged with a PUBACK before the gateway handles them).
    const pool = createPool({ url: TEST_DATABASE_URL, schema: gw.schema, max: 1 });
    const count = async (where: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM vehicles WHERE ${where}`)).rows[0]!.n);
    const round = (): Round => {
      const fleet = createFleet(gw, records, pki);
      return {
        connectAll: async () => {
          await startVehicles(fleet, concurrency, { report: false });
          await until('vehicles recorded connected', n, () => count('connected'));
        },
        reportAll: async () => {
          await reportAll(fleet);
          await until('first reports stored', n, () => count('connected AND last_report_at >= connected_at'));
        },
        disconnectAll: async () => {
          await fleet.stop();
          await until('vehicles recorded connected after the disconnects', 0, () => count('connected'));
        },
      };
    };
    try {
      project = await coldThenWarm('project', gw.server.pid, n, settleMs, warm, round);
    } finally {
      await pool.end();
    }
  } finally {
    await gw.stop();
  }
  opts.say(`gateway: ${fmt(project)}`);

  const rss = compare('KiB', project.rssPerConnectionKiB, { 'bare-aedes': baseline.rssPerConnectionKiB }, 'lower');
  const cpu = compare('ms', project.cpuPerConnectionMs, { 'bare-aedes': baseline.cpuPerConnectionMs }, 'lower');
  const reportMs = project.reportCpuMs ?? 0;
  // The whole arrival of a vehicle (handshake and first report) against bare aedes' handshake: what a fleet
  // reconnecting after a gateway restart costs, beyond what the bare broker does.
  const withReport = compare('ms', project.cpuPerConnectionMs + reportMs, { 'bare-aedes': baseline.cpuPerConnectionMs }, 'lower');
  return benchResult('connect', compare('connections/s', project.perSecond, { 'bare-aedes': baseline.perSecond }, 'higher'), {
    secondary: { rssPerConnection: rss, cpuPerConnection: cpu, cpuPerConnectionWithFirstReport: withReport },
    extra: { reportCpuMs: reportMs },
    sizes: { vehicles: n, concurrency },
    notes: [
      'bare-aedes: aedes 1.2 alone in a child process, node:tls with the same CA and server certificate (ECDSA P-256), requestCert and rejectUnauthorized; plain mqtt.js clients that connect and subscribe to the 4 downlink topics',
      'project: the gateway (startGateway) in a child process; SimulatedFleet vehicles that connect and subscribe (the gateway records presence in Postgres), then, measured apart, all publish their first signed version report (verified, written to Postgres)',
      'cpuPerConnection: server process only (/proc/<pid>/stat), from the first handshake until the server has every client (project: presence written) / vehicles; reportCpuMs: the same for the first reports, until all are stored; cpuPerConnectionWithFirstReport: their sum against bare aedes\' handshake; clients share the same 2 cores',
      'rssPerConnection: server VmRSS once every vehicle is connected minus before, / vehicles',
      'each step waits for the server to catch up (presence, reports, disconnects) before the next is measured',
      `${warm ? 'two rounds per server: rssPerConnection from the first (cold) one; connections/s and cpuPerConnection from the second, after all disconnected, in steady state (code JIT-compiled); --warmup 0 for the cold round alone' : 'one cold round (--warmup 0)'}`,
    ],
  });
}

/** The cold round's RSS per connection; rate and CPU from the warm round after it (or the cold one). */
async function coldThenWarm(
  label: string,
  pid: number,
  n: number,
  settleMs: number,
  warm: boolean,
  round: () => Round,
): Promise<ConnectFigures> {
  const first = round();
  let cold: ConnectFigures;
  try {
    cold = await measure(`${label}-cold`, pid, n, settleMs, first);
  } finally {
    await first.disconnectAll();
  }
  if (!warm) return cold;
  const second = round();
  try {
    const steady = await measure(`${label}-warm`, pid, n, settleMs, second);
    return { ...steady, rssPerConnectionKiB: cold.rssPerConnectionKiB };
  } finally {
    await second.disconnectAll();
  }
}

async function measure(label: string, pid: number, n: number, settleMs: number, round: Round): Promise<ConnectFigures> {
  const settle = () => new Promise((r) => setTimeout(r, settleMs));
  // Let the server's startup settle so its RSS is a baseline, not a moving target.
  await settle();
  const before = await sampleProcess(pid);
  const stopHook = startMeasureHook(`connect-${label}`, [pid]);
  const started = performance.now();
  await round.connectAll();
  const seconds = (performance.now() - started) / 1000;
  await stopHook();
  await settle();
  const connected = await sampleProcess(pid);
  const figures: ConnectFigures = {
    perSecond: n / seconds,
    rssPerConnectionKiB: Math.max(connected.rssBytes - before.rssBytes, 0) / 1024 / n,
    cpuPerConnectionMs: (connected.cpuMs - before.cpuMs) / n,
  };
  if (!round.reportAll) return figures;
  await round.reportAll();
  await settle();
  return { ...figures, reportCpuMs: ((await sampleProcess(pid)).cpuMs - connected.cpuMs) / n };
}

function fmt(f: ConnectFigures): string {
  const report = f.reportCpuMs === undefined ? '' : `, then ${f.reportCpuMs.toFixed(2)} ms CPU per first report`;
  return `${f.perSecond.toFixed(0)} connections/s, ${f.rssPerConnectionKiB.toFixed(1)} KiB RSS and ${f.cpuPerConnectionMs.toFixed(2)} ms CPU per connection${report}`;
}
