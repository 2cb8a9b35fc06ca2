import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

/** Each bench at tiny sizes through the CLI, so none of them rots; shape and sanity only, no timing targets. */
async function bench(name: string): Promise<Record<string, unknown>> {
  // A PKI of its own per bench: they run at once, and two processes issuing the same VIN's certificate
  // into one folder could pair one's key with the other's certificate.
  const pkiDir = await mkdtemp(join(tmpdir(), `ota-bench-smoke-${name}-`));
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/src/cli.ts', name, '--json', '--smoke'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_PKI_DIR: pkiDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    const last = stdout.trim().split('\n').at(-1)!;
    return JSON.parse(last) as Record<string, unknown>;
  } finally {
    await rm(pkiDir, { recursive: true, force: true });
  }
}

function expectComparison(c: unknown, baselines: string[]): void {
  const { project, baselines: b, ratio, unit } = c as { project: number; baselines: Record<string, number>; ratio: Record<string, number | null>; unit: string };
  expect(typeof unit).toBe('string');
  expect(Number.isFinite(project) && project >= 0).toBe(true);
  expect(Object.keys(b).sort()).toEqual([...baselines].sort());
  for (const name of baselines) {
    expect(Number.isFinite(b[name]) && b[name]! >= 0).toBe(true);
    expect(ratio[name] === null || (Number.isFinite(ratio[name]) && ratio[name]! >= 0)).toBe(true);
  }
}

function expectResult(r: Record<string, unknown>, name: string, baselines: string[]): void {
  expect(r.bench).toBe(name);
  expectComparison(r, baselines);
  // The headline figures must be real measurements, not zeros.
  expect(r.project as number).toBeGreaterThan(0);
  for (const name of baselines) {
    expect((r.baselines as Record<string, number>)[name]).toBeGreaterThan(0);
    expect((r.ratio as Record<string, number>)[name]).toBeGreaterThan(0);
  }
  for (const c of Object.values(r.secondary as Record<string, unknown>)) expectComparison(c, Object.keys((c as { baselines: object }).baselines));
  for (const v of Object.values(r.extra as Record<string, number>)) expect(Number.isFinite(v)).toBe(true);
  expect(Array.isArray(r.notes)).toBe(true);
}

// Concurrently: each bench has its own ports, schema, redis-server and PKI; shape is checked, not speed.
describe.concurrent('bench suite, smoke sizes', { timeout: 120_000 }, () => {
  it('connect', async () => {
    const r = await bench('connect');
    expectResult(r, 'connect', ['bare-aedes']);
    expect(Object.keys(r.secondary as object).sort()).toEqual(['cpuPerConnection', 'cpuPerConnectionWithFirstReport', 'rssPerConnection']);
    // The first reports are measured apart; their sum with the handshake is the arrival of a vehicle.
    const secondary = r.secondary as Record<string, { project: number }>;
    const reportMs = (r.extra as { reportCpuMs: number }).reportCpuMs;
    expect(reportMs).toBeGreaterThanOrEqual(0);
    // Each figure is rounded to three decimals on its own, so the sum may differ from the rounded whole by 0.0015.
    expect(secondary.cpuPerConnectionWithFirstReport!.project).toBeCloseTo(secondary.cpuPerConnection!.project + reportMs, 2);
  });

  it('delivery', async () => {
    const r = await bench('delivery');
    expectResult(r, 'delivery', ['bare-aedes', 'mosquitto']);
    const extra = r.extra as Record<string, number>;
    expect(extra.succeeded).toBe(20);
    // The round's shape: offers taken up, then results, all within the measured round.
    expect(extra.firstDownloadMs).toBeGreaterThanOrEqual(0);
    expect(extra.firstDownloadMs).toBeLessThanOrEqual(extra.medianDownloadMs!);
    expect(extra.medianDownloadMs).toBeLessThanOrEqual(extra.lastDownloadMs!);
    expect(extra.lastDownloadMs).toBeLessThan(extra.lastResultMs!);
    expect(extra.lastResultMs).toBeLessThanOrEqual((r.secondary as Record<string, { project: number }>).seconds!.project * 1000);
    // The project's work per MB counts its Postgres and Redis too, so it exceeds its servers' and vehicles'.
    const secondary = r.secondary as Record<string, { project: number; baselines: Record<string, number> }>;
    expect(secondary.totalCpuPerMB!.project).toBeGreaterThan(secondary.serverCpuPerMB!.project + secondary.clientCpuPerMB!.project);
    expect(secondary.totalCpuPerMB!.baselines['bare-aedes']).toBeGreaterThan(0);
  });

  it('dispatch', async () => {
    const r = await bench('dispatch');
    expectResult(r, 'dispatch', ['bullmq-bare']);
    const extra = r.extra as Record<string, number>;
    expect(extra.offers).toBe(20);
    expect(extra.offersTakenUp).toBe(20);
    expect(extra.offersTakenUpPerS).toBeGreaterThan(0);
    expect(extra.postgresCpuMsPerVehicle).toBeGreaterThan(0);
    expect(extra.densestSecondOverRate_rate100).toBeGreaterThan(0);
  });

  it('api', async () => {
    const r = await bench('api');
    expectResult(r, 'api', ['idle']);
  });
});

describe('bench probes, smoke sizes', { timeout: 120_000 }, () => {
  it('offer-claim', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/src/probes/offer-claim.ts', '--chunks', '64', '--offers', '5'], { cwd: ROOT });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    // Every execution was claimed for an offer, and the costs are measurements, not zeros.
    expect(r).toMatchObject({ probe: 'offer-claim', chunks: 64, offers: 5 });
    for (const key of ['msPerClaim', 'nodeCpuMsPerClaim', 'postgresCpuMsPerClaim']) expect(r[key] as number, key).toBeGreaterThan(0);
    // The release entry lists every chunk's sha256, as the real one does.
    expect(r.releaseEntryBytes as number).toBeGreaterThan(64 * 32);
  });
});
