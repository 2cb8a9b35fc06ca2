import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pino, destination } from 'pino';
import { Redis } from 'ioredis';
import { createPool, deleteQueueKeys } from '@ota/campaign-core';
import { ensureDevTrust, ensureVehicleCredentials, startGateway, type GatewayConfig, type RunningGateway } from '@ota/gateway';
import { SimulatedFleet, generateFleet, parseFaults, plainMember, type FleetMember } from '@ota/vehicle-sim';
import { AdminClient, type CampaignStatus } from './admin-client.js';
import { CleanupStack } from './cleanup-stack.js';
import { binariesDir, closedAncestor, startEmbeddedPostgres } from './infra/embedded-postgres.js';
import { startPrivateRedis } from './infra/private-redis.js';
import { executionFacts, reportFields } from './run-facts.js';
import { startSampler } from './sampler.js';

export interface RehearsalOptions {
  vehicles: number;
  imageSize: number;
  seed: number;
  /** Multiplies simulated flash time: 1 is real time, 0.01 makes a minute of flashing 0.6 s. */
  timeScale: number;
  ratePerMinute: number;
  maxInFlight: number;
  executionTimeoutS: number;
  /** Where embedded Postgres, the PKI and the logs live; reused across runs. */
  dataDir: string;
  mqttPort: number;
  httpPort: number;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** Keep this run's database schema for inspection instead of dropping it. */
  keep: boolean;
  /** Give up waiting for the campaign after this long. */
  timeoutMs: number;
  /** Cumulative phase sizes, "10,25%,100%"; one phase when absent. */
  phases?: string | undefined;
  errorShare?: number | undefined;
  successThreshold?: number | undefined;
  /** Faults to inject on the fleet, "install-failure=0.3,...". */
  inject?: string | undefined;
  /** Whether vehicles ask their driver before installing. */
  consent?: 'forced' | 'required';
  /** The fleet, e.g. from a fleet file (loadFleetFile); the default fleet of `vehicles` from `seed` otherwise. */
  fleet?: { members: FleetMember[]; name: string } | undefined;
  /** `fleetBytes`: verified chunk bytes the fleet has received so far, for a throughput figure. */
  onProgress?: (status: CampaignStatus, elapsedMs: number, fleetBytes: number) => void;
  /** One human-readable line at a time, for stderr. */
  say: (line: string) => void;
  signal?: AbortSignal;
}

interface RunSummary {
  vehicles: number;
  eligible: number;
  succeeded: number;
  failed: number;
  campaignState: string;
  durationMs: number;
  bytesSent: number;
  byState: Record<string, number>;
  /** Vehicles that ever received an offer. */
  offered: number;
  /** Chunk bytes the gateway sent more than once for the same execution. */
  bytesResent: number;
  /** Vehicle reconnections during the run. */
  reconnects: number;
  /** Chunk reads that went to disk, against the image's chunk count: the chunk cache serving the fleet. */
  chunkDiskReads: number;
  imageChunks: number;
  /** Why the campaign paused itself, when it did. */
  pauseReason: { threshold: string; message: string } | null;
  phaseSizes: number[];
  /** Vehicles whose target ECU runs the new version in the database: the figure the exit code rests on. */
  onNewVersion: number;
  throughputMBps: number;
  updateVersion: string;
  campaignId: string;
  schema: string;
  logFile: string;
}

/** The run's figures, and the report's data (run-facts.ts: fleet mix, timeline, time to update, projection). */
export type RehearsalSummary = RunSummary & ReturnType<typeof reportFields>;

const MODULE = 'bcm';
const FROM_HARDWARE = 'BCM-H2';
const NEW_VERSION = '1.5.0';

/**
 * One rollout rehearsal: real Postgres, Redis, gateway and mTLS vehicles on this machine, driven through the
 * admin API like an operator would. Every run gets its own database schema and queue prefix, so runs never
 * see each other's vehicles or jobs.
 */
export async function runRehearsal(opts: RehearsalOptions): Promise<RehearsalSummary> {
  const cleanup = new CleanupStack();
  const runId = `r${Date.now().toString(36)}`;
  const dataDir = resolve(opts.dataDir);
  const logFile = join(dataDir, 'logs', `${runId}.log`);
  try {
    const embedded = opts.databaseUrl === undefined;
    const databaseUrl = opts.databaseUrl ?? (await embeddedPostgres(dataDir, opts, cleanup));
    // Ctrl-C reaches the embedded Postgres too, so an interrupted run cannot drop its schema; the next one
    // does. Only in our own embedded database: elsewhere another rehearsal may be using its schema.
    if (embedded) await dropAbandonedRuns(databaseUrl);
    const redisUrl = opts.redisUrl ?? (await privateRedis(opts, cleanup));
    abortIfAsked(opts.signal);

    const schema = `rehearsal_${runId}`;
    const token = randomBytes(24).toString('base64url');
    const config: GatewayConfig = {
      databaseUrl,
      databaseSchema: schema,
      redisUrl,
      queuePrefix: `ota-${runId}`,
      mqttHost: '127.0.0.1',
      mqttPort: opts.mqttPort,
      httpHost: '127.0.0.1',
      httpPort: opts.httpPort,
      pkiDir: join(dataDir, 'pki'),
      dataDir: join(dataDir, 'data'),
      serverHosts: [],
      adminTokens: new Map([[token, 'rehearsal']]),
      chunkSize: 64 * 1024,
      maxImageBytes: Math.max(opts.imageSize, 1),
      fleetMaxInFlight: 0,
      mqttCluster: false,
      chunkCacheBytes: 64 * 1024 * 1024,
      trustDir: join(dataDir, 'pki', 'trust'),
      // The ceremony runs below, before the gateway starts, as in production; the gateway imports root 1.
      devTrust: false,
      chunkWindow: 4,
    offerResendS: 30,
      logLevel: 'info',
    };
    const logger = pino({ level: 'info' }, destination({ dest: logFile, mkdir: true, sync: false }));
    cleanup.push('log', () => logger.flush());
    // Queues of a finished run are of no use; its database schema is kept for inspection with --keep.
    cleanup.push('run data', async () => {
      await dropQueues(redisUrl, config.queuePrefix);
      await (opts.keep ? keepSchema(databaseUrl, schema) : dropSchema(databaseUrl, schema));
    });
    // The rehearsal plays the release engineers too: their offline keys sit beside the gateway's here.
    const trust = await ensureDevTrust(config.pkiDir, config.trustDir);
    const gateway = await startGateway(config, logger);
    cleanup.push('gateway', () => gateway.close());
    opts.say(`gateway: mqtts://127.0.0.1:${gateway.mqttPort}, admin API http://127.0.0.1:${gateway.httpPort}, log ${logFile}`);

    const faults = opts.inject ? parseFaults(opts.inject) : undefined;
    const members = opts.fleet?.members ?? generateFleet({ count: opts.vehicles, seed: opts.seed }).map(plainMember);
    const records = members.map((m) => m.record);
    const credentials = await ensureVehicleCredentials(
      gateway.pki,
      records.map((r) => r.vin),
    );
    const api = new AdminClient(`http://127.0.0.1:${gateway.httpPort}`, token, { releaseKey: trust.releaseKey });
    await api.importVehicles(records);
    opts.say(`imported ${records.length} vehicles with ${records.length * (records[0]?.ecus.length ?? 0)} ECUs`);

    const fleet = new SimulatedFleet({
      members,
      gatewayUrl: `mqtts://127.0.0.1:${gateway.mqttPort}`,
      ca: gateway.pki.caCertPem,
      credentialsFor: (vin) => {
        const c = credentials.get(vin);
        if (!c) throw new Error(`no credentials for ${vin}`);
        return { cert: c.certPem, key: c.keyPem };
      },
      trustRoot: trust.root1,
      timeScale: opts.timeScale,
      // The seed picks the vehicles that faults hit, from --inject or from the fleet file alike.
      ...(faults ? { faults } : {}),
      faultSeed: opts.seed,
    });
    cleanup.push('fleet', () => fleet.stop());
    await fleet.start();
    abortIfAsked(opts.signal);
    opts.say(`${records.length} virtual vehicles connected over mutual TLS`);

    const update = await api.createUpdate({
      name: `BCM ${NEW_VERSION} (rehearsal ${runId})`,
      version: NEW_VERSION,
      module: MODULE,
      bus: 'CAN',
      hardwareIds: [FROM_HARDWARE],
    });
    await api.uploadImage(update.id, randomBytes(opts.imageSize));
    const campaign = await api.createCampaign({
      // Named by seed, not by run: the name orders the phases, so the same seed gives the same canary.
      name: `rehearsal, seed ${opts.seed}`,
      updateId: update.id,
      ratePerMinute: opts.ratePerMinute,
      maxInFlight: opts.maxInFlight,
      executionTimeoutS: opts.executionTimeoutS,
      consent: opts.consent ?? 'forced',
      // Postponements come back quickly in a rehearsal; a real campaign waits longer (default 30 s, x2).
      retry: { backoffS: 0.5 },
      rollout: {
        ...(opts.phases ? { phases: opts.phases } : {}),
        ...(opts.errorShare !== undefined ? { errorShare: opts.errorShare } : {}),
        ...(opts.successThreshold !== undefined ? { successThreshold: opts.successThreshold } : {}),
      },
    });
    opts.say(`campaign ${campaign.id}: ${campaign.eligible} eligible vehicles, phases of ${campaign.phaseSizes.join(' + ')}`);

    const bytesBefore = gateway.metrics.bytesSent;
    const resentBefore = gateway.metrics.bytesResent;
    const diskReadsBefore = gateway.metrics.chunkDiskReads;
    const started = Date.now();
    await api.startCampaign(campaign.id);
    const sampler = startSampler({ api, campaignId: campaign.id, fleet, gatewayBytesSent: () => gateway.metrics.bytesSent });
    cleanup.push('sampler', () => sampler.cancel());
    const status = await follow(api, campaign.id, started, opts, () => fleet.stats.bytesReceived);
    const durationMs = Date.now() - started;
    const timeline = await sampler.stop();
    const facts = await executionFacts(gateway.repos.pool, campaign.id);
    const bytesSent = gateway.metrics.bytesSent - bytesBefore;
    const onNewVersion = await countOnNewVersion(gateway, campaign.id);
    return {
      vehicles: records.length,
      eligible: campaign.eligible,
      succeeded: status.counts.succeeded ?? 0,
      // Failures of the release only: declined (rejected) and cancelled vehicles are in byState.
      failed: (status.counts.failed ?? 0) + (status.counts.timed_out ?? 0),
      campaignState: status.campaign.state,
      durationMs,
      bytesSent,
      byState: Object.fromEntries(Object.entries(status.counts).filter(([, n]) => n > 0)),
      offered: status.offered,
      bytesResent: gateway.metrics.bytesResent - resentBefore,
      reconnects: fleet.stats.reconnects,
      chunkDiskReads: gateway.metrics.chunkDiskReads - diskReadsBefore,
      imageChunks: Math.ceil(opts.imageSize / config.chunkSize),
      pauseReason: status.campaign.pauseReason,
      phaseSizes: campaign.phaseSizes,
      onNewVersion,
      throughputMBps: durationMs > 0 ? bytesSent / 1e6 / (durationMs / 1000) : 0,
      updateVersion: update.version,
      campaignId: campaign.id,
      schema,
      logFile,
      ...reportFields({ members, fleetName: opts.fleet?.name ?? 'default', module: MODULE, opts, status, eligible: campaign.eligible, phaseSizes: campaign.phaseSizes, durationMs, timeline, facts }),
    };
  } finally {
    await cleanup.runAll((name, err) => opts.say(`cleanup of ${name} failed: ${(err as Error).message}`));
  }
}

async function follow(api: AdminClient, id: string, started: number, opts: RehearsalOptions, fleetBytes: () => number): Promise<CampaignStatus> {
  for (;;) {
    const status = await api.campaignStatus(id);
    opts.onProgress?.(status, Date.now() - started, fleetBytes());
    // A paused campaign still has vehicles in flight: let them land so the counts are final.
    if (status.campaign.state !== 'running' && inFlightCount(status) === 0) return status;
    if (Date.now() - started > opts.timeoutMs) {
      opts.say(`gave up after ${Math.round(opts.timeoutMs / 1000)} s with the campaign still running`);
      return status;
    }
    abortIfAsked(opts.signal);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function inFlightCount(status: CampaignStatus): number {
  return ['offered', 'downloading', 'installing', 'installed'].reduce((n, s) => n + (status.counts[s] ?? 0), 0);
}

async function countOnNewVersion(gateway: RunningGateway, campaignId: string): Promise<number> {
  const { rows } = await gateway.repos.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM executions e
     JOIN campaigns c ON c.id = e.campaign_id JOIN updates u ON u.id = c.update_id
     JOIN ecus ec ON ec.vin = e.vin AND ec.serial = e.ecu_serial
     WHERE e.campaign_id = $1 AND ec.software_version = u.version`,
    [campaignId],
  );
  return Number(rows[0]?.n ?? 0);
}

async function embeddedPostgres(dataDir: string, opts: RehearsalOptions, cleanup: CleanupStack): Promise<string> {
  let pgDir = join(dataDir, 'postgres');
  // As root, Postgres runs as the postgres user, who cannot reach a data folder under e.g. /root (0700).
  // Keep its data in a folder it can reach instead, one per project folder, and say where.
  const binariesReachable = (await closedAncestor(binariesDir())) === null; // if not, the start says why
  const closed = userInfo().uid === 0 && binariesReachable ? await closedAncestor(dirname(pgDir)) : null;
  if (closed) {
    pgDir = join('/var/tmp', `fleet-ota-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`, 'postgres');
    opts.say(`${closed.path} is closed to the postgres user: embedded Postgres keeps its data in ${pgDir}`);
  }
  opts.say('DATABASE_URL not set: starting embedded Postgres');
  const pg = await startEmbeddedPostgres({ dataDir: pgDir });
  cleanup.push('postgres', () => pg.stop());
  return pg.url;
}

async function privateRedis(opts: RehearsalOptions, cleanup: CleanupStack): Promise<string> {
  opts.say('REDIS_URL not set: starting a private redis-server');
  const redis = await startPrivateRedis();
  cleanup.push('redis', () => redis.stop());
  return redis.url;
}

const KEPT = 'kept by --keep';

async function keepSchema(databaseUrl: string, schema: string): Promise<void> {
  const pool = createPool({ url: databaseUrl });
  try {
    await pool.query(`COMMENT ON SCHEMA ${schema} IS '${KEPT}'`);
  } finally {
    await pool.end();
  }
}

async function dropAbandonedRuns(databaseUrl: string): Promise<void> {
  const pool = createPool({ url: databaseUrl });
  try {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
       WHERE nspname LIKE 'rehearsal\\_%' AND coalesce(obj_description(oid, 'pg_namespace'), '') <> $1`,
      [KEPT],
    );
    for (const { name } of rows) await pool.query(`DROP SCHEMA ${name} CASCADE`);
  } finally {
    await pool.end();
  }
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const pool = createPool({ url: databaseUrl });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
}

/** Removes this run's queue keys from a Redis that others may share. */
async function dropQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {}); // connect() below rejects with the same error
  try {
    await redis.connect();
    await deleteQueueKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

export class RehearsalAborted extends Error {}

function abortIfAsked(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RehearsalAborted('interrupted');
}
