/**
 * What one offer's claim costs as the image grows: `pnpm tsx bench/src/probes/offer-claim.ts [--chunks N]
 * [--offers N]`. An update whose image has N chunks (N chunk hashes, and a release entry listing them, as a
 * 2 GiB image in 64 KiB chunks has 32,768), M executions of connected, reported vehicles, then each claimed
 * for its offer (ExecutionRepo.claimForOffer, as a flash job does): milliseconds per claim in this process
 * and in Postgres (its backend's /proc CPU). No image bytes: the claim reads only what Postgres holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPool, createRepos } from '@ota/campaign-core';
import { TEST_DATABASE_URL, createTestDatabase } from '@ota/campaign-core/testing';
import { ota } from '@ota/proto';
import { generateFleet } from '@ota/vehicle-sim';
import { processCpuMs } from '../proc-stats.js';

const { values } = parseArgs({ options: { chunks: { type: 'string', default: '32768' }, offers: { type: 'string', default: '200' } } });
const chunks = Number(values.chunks);
const offers = Number(values.offers);
const CHUNK_SIZE = 64 * 1024;

const db = await createTestDatabase();
// One connection, so that its backend's CPU is the claims'.
const pool = createPool({ url: TEST_DATABASE_URL, schema: db.schema, max: 1 });
try {
  const repos = createRepos(pool);
  const records = generateFleet({ count: offers, seed: 3 });
  await repos.vehicles.importVehicles(records, 'probe');
  const module = records[0]!.ecus[0]!.module;
  const hardwareIds = [...new Set(records.flatMap((r) => r.ecus.filter((e) => e.module === module).map((e) => e.hardwareId)))];
  const update = await repos.updates.create({ name: 'probe', version: '99.0.0', module, bus: 'CAN', hardwareIds }, 'probe');
  const chunkHashes = Array.from({ length: chunks }, (_, i) => createHash('sha256').update(String(i)).digest());
  const image = { sha256: randomBytes(32), size: chunks * CHUNK_SIZE, chunkSize: CHUNK_SIZE, chunkHashes };
  await repos.updates.attachImage(update.id, image, 'probe');
  // The release entry lists every chunk hash, as the real one does; its signature does not matter here.
  const entry = ota.v1.ReleaseEntry.encode({ name: 'probe', version: '99.0.0', ecuModule: module, hardwareIds, releaseCounter: 1, imageSize: image.size, imageSha256: image.sha256, chunkSize: CHUNK_SIZE, chunkSha256: chunkHashes }).finish();
  await repos.updates.attachRelease(update.id, entry, 'probe');
  const campaign = await repos.campaigns.create({ name: 'probe', updateId: update.id, maxInFlight: offers }, 'probe');
  const { executionIds } = await repos.campaigns.start(campaign.id, 'probe');
  const now = new Date();
  await repos.vehicles.recordPresence(records.map((r) => ({ vin: r.vin, connected: true, at: now })));
  await pool.query(`UPDATE vehicles SET last_report_at = now() + interval '1 second'`);
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]!.pid;
  const pgBefore = await processCpuMs(pid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let offered = 0;
  for (const id of executionIds) if ((await repos.executions.claimForOffer(id)).kind === 'offer') offered++;
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const pgMs = (await processCpuMs(pid)) - pgBefore;
  const json = {
    probe: 'offer-claim',
    chunks,
    offers: offered,
    msPerClaim: ms / offered,
    nodeCpuMsPerClaim: (cpu.user + cpu.system) / 1000 / offered,
    postgresCpuMsPerClaim: pgMs / offered,
    releaseEntryBytes: entry.length,
  };
  console.log(JSON.stringify(json));
} finally {
  await pool.end();
  await db.drop();
}
