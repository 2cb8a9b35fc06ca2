import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Redis } from 'ioredis';
import MQEmitterRedis from 'mqemitter-redis';
import aedesPersistenceRedis from 'aedes-persistence-redis';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import {
  BlobStore,
  CampaignService,
  DirectorKeys,
  ExecutionWaiter,
  FlashDispatcher,
  GroupCommit,
  ManifestSigner,
  OtaError,
  RepeatingErrors,
  createPool,
  createRepos,
  finishedWithin,
  UpdateBlobCache,
  migrate,
  type Clock,
  type PresenceChange,
  type Repos,
  systemClock,
} from '@ota/campaign-core';
import { DependencyUnavailable, type GatewayConfig } from './config.js';
import { buildAdminApi } from './http/admin-api.js';
import { createPrometheus } from './http/prometheus.js';
import { GatewayMetrics } from './mqtt/gateway-metrics.js';
import { createUplinkRouter } from './mqtt/handlers/index.js';
import { ReportKeys } from './mqtt/report-keys.js';
import { AppliedPhases } from './mqtt/applied-phases.js';
import { ImageLookup } from './mqtt/image-lookup.js';
import { ChunkCache } from './mqtt/chunk-cache.js';
import { WebhookSender } from './webhooks/webhook-sender.js';
import { importRootFiles } from './trust/root-files.js';
import { RevocationList } from './mqtt/revocation-list.js';
import { CsrRefused, issueVehicleCertificateFromCsr, issueVehicleCredentials, serialOf, type FleetPki } from './pki/index.js';
import { createVehicleBroker, type VehicleBroker } from './mqtt/vehicle-broker.js';

/** How often each gateway sweeps for in-flight executions no job watches (CampaignService.sweepOverdue). */
const SWEEP_EVERY_MS = 30_000;

/** How long a readiness probe waits for Postgres or Redis to answer. */
const READY_PROBE_MS = 1000;

/** Whether `probe` succeeds within `ms`; a failure or a late answer is false. */
async function answersWithin(probe: Promise<unknown>, ms: number): Promise<boolean> {
  probe.catch(() => {}); // a late failure, after the lapse, is nobody's
  return finishedWithin(probe, ms).catch(() => false);
}

/** A certificate for the key of the vehicle's own signing request; a request we will not sign is a 400. */
async function issueFromCsr(pki: FleetPki, vin: string, csrPem: string): Promise<{ certPem: string }> {
  try {
    return await issueVehicleCertificateFromCsr(pki, vin, csrPem);
  } catch (err) {
    throw err instanceof CsrRefused ? new OtaError('OTA_ERR_VALIDATION', err.message) : err;
  }
}

function clusterBackends(config: Readonly<GatewayConfig>, redisErrors: RepeatingErrors) {
  const mq = MQEmitterRedis({ connectionString: config.redisUrl });
  // Unheard, mqemitter-redis' error event throws: a Redis outage would take every clustered gateway down.
  // Its connections reconnect on their own (and subscribe again); here the outage is only logged.
  // (`state` is the emitter mqemitter-redis reports on; its type declarations leave it out.)
  (mq as unknown as { state: EventEmitter }).state.on('error', (err: Error) => redisErrors.warn('mqtt emitter redis error', err));
  const sessions = new Redis(config.redisUrl, { keyPrefix: `${config.queuePrefix}:mqtt:` });
  sessions.on('error', (err) => redisErrors.warn('mqtt sessions redis error', err));
  return {
    options: { mq, persistence: aedesPersistenceRedis({ conn: sessions }) },
    close() {
      mq.close(() => {});
      sessions.disconnect();
    },
  };
}

export interface GatewayDeps {
  tls: { ca: string; cert: string; key: string };
  /** The fleet CA on disk: provisioning issues vehicle certificates with it, revocations sign CRLs. */
  pki: FleetPki;
  /** The online director keys this gateway holds; the newest root decides which one signs. */
  directorKeys: () => Promise<KeyObject[]>;
  logger: Logger;
  clock?: Clock;
}

export interface Gateway {
  repos: Repos;
  metrics: GatewayMetrics;
  mqtt: VehicleBroker;
  api: FastifyInstance;
  dispatcher: FlashDispatcher;
  director: DirectorKeys;
  /**
   * Starts work that needs the others ready: re-dispatching campaigns that were running, and watching for a
   * Redis that comes back without the queues.
   */
  resume(): Promise<number>;
  /** Times out in-flight executions that no job watches any more (run every 30 s; callable for tests). */
  sweepOverdue(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Wires the gateway: Postgres (migrated), Redis, the vehicles' broker, the flash dispatcher and the admin
 * API. Opens no listening socket: main.ts or a test decides where to listen.
 */
export async function buildGateway(config: Readonly<GatewayConfig>, deps: GatewayDeps): Promise<Gateway> {
  const log = deps.logger;
  const pool = createPool({ url: config.databaseUrl, schema: config.databaseSchema });
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DependencyUnavailable('Postgres', config.databaseUrl, err as Error);
  }
  await migrate(pool);
  // One cache of updates' chunk hashes and release entries for the three pools below.
  const updateBlobs = new UpdateBlobCache();
  const repos = createRepos(pool, deps.clock ?? systemClock, updateBlobs);
  // Offers queue for the fleet-wide admission lock; they get connections of their own, so that vehicles'
  // chunk requests, results and reports never wait behind them.
  const dispatchPool = createPool({ url: config.databaseUrl, schema: config.databaseSchema, max: 4 });
  const dispatchRepos = createRepos(dispatchPool, repos.clock, updateBlobs);
  // The admin API too: an operator asking how a rollout goes gets an answer while thousands of vehicles
  // keep the main pool busy.
  const adminPool = createPool({ url: config.databaseUrl, schema: config.databaseSchema, max: 3 });
  const adminRepos = createRepos(adminPool, repos.clock, updateBlobs);
  // A notice lost here costs a waiting job up to one periodic check of the execution waiter, no more.
  for (const r of [repos, dispatchRepos, adminRepos]) r.notices.onFailure((err) => log.warn({ err: err.message }, 'execution notices not sent'));
  await importRootFiles(config.trustDir, repos.trust, log).catch(async (err: unknown) => {
    await Promise.all([pool.end(), dispatchPool.end(), adminPool.end()]);
    throw err;
  });
  if (!(await repos.trust.newest())) log.warn({ trustDir: config.trustDir }, 'no root of trust yet: nothing can be offered until root 1 is added');
  const director = new DirectorKeys(repos.trust, deps.directorKeys);
  // BullMQ needs maxRetriesPerRequest null on a connection its workers share.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  const redisErrors = new RepeatingErrors(log);
  let lastRedisError: Error | undefined;
  redis.on('error', (err) => {
    lastRedisError = err;
    redisErrors.warn('redis error', err);
  });
  try {
    await redis.connect();
  } catch (err) {
    // connect() says only "Connection is closed."; the error event before it says why.
    redis.disconnect();
    await Promise.all([pool.end(), dispatchPool.end(), adminPool.end()]).catch(() => {});
    throw new DependencyUnavailable('Redis', config.redisUrl, lastRedisError ?? (err as Error));
  }

  const metrics = new GatewayMetrics();
  const blobs = new BlobStore(join(config.dataDir, 'blobs'));
  const reportKeys = new ReportKeys(repos.vehicles);
  const images = new ImageLookup(repos);
  const phases = new AppliedPhases(repos.executions);
  // Vehicles' comings and goings share commits: a reconnect storm after a restart is a few statements.
  const presence = new GroupCommit((changes: PresenceChange[]) => repos.vehicles.recordPresence(changes), (c) => c.vin);
  let route: ((vin: string, topic: string, payload: Buffer) => Promise<void>) | null = null;
  let dispatcher: FlashDispatcher | null = null;
  // Clustered: offers and cancels for a vehicle connected to another gateway go through Redis to it; what
  // goes to a vehicle connected here (chunks, refusals, this gateway's offers) and uplinks stay here
  // (vehicle-broker.ts).
  const cluster = config.mqttCluster ? clusterBackends(config, redisErrors) : null;
  const mqtt = await createVehicleBroker({
    tls: deps.tls,
    metrics,
    log,
    ...(cluster ? { cluster: cluster.options } : {}),
    onUplink: (vin, topic, payload) => void route?.(vin, topic, payload),
    onPresence: (vin, connected, since) => {
      const recorded = presence.submit({ vin, connected, at: since });
      // The presence update returns the report key: the vehicle's first report, next, needs it.
      const done = connected ? reportKeys.expect(vin, recorded) : recorded;
      done.catch((err: Error) => log.warn({ vin, err: err.message }, 'presence not recorded'));
    },
  });
  route = createUplinkRouter({
    repos,
    chunks: new ChunkCache(blobs, config.chunkCacheBytes, () => metrics.chunkDiskReads++),
    images,
    reportKeys,
    phases,
    metrics,
    log,
    send: mqtt.send,
    sendDirect: mqtt.sendDirect,
    afterReport: async (vin) => dispatcher?.dispatchForVehicle(vin),
  });

  const waiter = new ExecutionWaiter({
    url: config.databaseUrl,
    executions: repos.executions,
    onError: (err) => log.warn({ err: err.message }, 'execution waiter'),
  });
  await waiter.start();
  dispatcher = new FlashDispatcher({
    redis,
    prefix: config.queuePrefix,
    campaigns: dispatchRepos.campaigns,
    executions: dispatchRepos.executions,
    rollouts: dispatchRepos.rollouts,
    vehicleLookups: repos,
    channel: {
      // What this gateway offers it serves without looking the execution up (unless another gateway holds the vehicle).
      sendOffer: async (vin, offer, offered) => {
        if (offered) {
          images.offered(vin, offered);
          phases.forget(vin, offered.executionId); // a new attempt, or the same offer again
        }
        await mqtt.sendOffer(vin, offer);
      },
      sendCancel: (vin, executionId, reason) => mqtt.sendCancel(vin, executionId, reason),
    },
    signer: new ManifestSigner(director, repos.trust),
    chunkWindow: config.chunkWindow,
    offerResendMs: config.offerResendS * 1000,
    waiter,
    clock: repos.clock,
    log,
    ...(config.fleetMaxInFlight > 0 ? { capacity: config.fleetMaxInFlight } : {}),
  });
  const flash = dispatcher;
  const webhooks = new WebhookSender(repos, log);
  webhooks.start();
  const campaigns = new CampaignService({ repos: adminRepos, dispatcher: flash, channel: mqtt, log });
  // The scheduler's clock: scheduled starts and end times. Every gateway runs it; the work is idempotent.
  // At most every SWEEP_EVERY_MS a pass also sweeps in-flight executions whose job is gone (sweepOverdue).
  let scheduling: Promise<void> | null = null;
  let lastSweep = Date.now();
  const scheduler = setInterval(() => {
    scheduling ??= campaigns
      .runSchedule()
      .then(async () => {
        if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
        lastSweep = Date.now();
        await campaigns.sweepOverdue();
      })
      .catch((err: Error) => log.warn({ err: err.message }, 'schedule pass failed'))
      .finally(() => (scheduling = null));
  }, 1000);
  scheduler.unref();
  const revocations = new RevocationList({ server: mqtt.server, tls: deps.tls, pki: deps.pki, repos, log });
  await revocations.start();
  const api = await buildAdminApi({
    services: {
      repos: adminRepos,
      blobs,
      campaigns,
      director,
      chunkSize: config.chunkSize,
      maxImageBytes: config.maxImageBytes,
      metrics: createPrometheus(metrics, adminRepos.executions),
      dependencies: async () => {
        const [postgres, redisUp] = await Promise.all([
          answersWithin(adminPool.query('SELECT 1'), READY_PROBE_MS),
          // Not connected: no need to wait for a PING that would only queue.
          redis.status === 'ready' ? answersWithin(redis.ping(), READY_PROBE_MS) : Promise.resolve(false),
        ]);
        return { postgres, redis: redisUp };
      },
      provisioning: {
        async issue(vin, actor, csrPem) {
          const root1 = await adminRepos.trust.get(1);
          if (!root1) throw new OtaError('OTA_ERR_NO_ROOT');
          const credentials = csrPem ? await issueFromCsr(deps.pki, vin, csrPem) : await issueVehicleCredentials(deps.pki, vin);
          await adminRepos.certificates.record(vin, serialOf(credentials.certPem), actor);
          // The vehicle's trust anchor: root version 1; it walks to newer roots with its first offer.
          return { ...credentials, caCertPem: deps.pki.caCertPem, rootPb: root1.toString('base64') };
        },
        async revoke(vin, reason, actor) {
          const serials = await adminRepos.certificates.revokeVehicle(vin, reason, actor);
          await revocations.refresh();
          return serials;
        },
      },
    },
    tokens: config.adminTokens,
    logger: log,
  });

  return {
    repos,
    metrics,
    mqtt,
    api,
    dispatcher: flash,
    director,
    sweepOverdue: () => campaigns.sweepOverdue(),
    async resume() {
      const campaigns = await flash.resumeRunning();
      await flash.watchForLostQueues();
      return campaigns;
    },
    async close() {
      // Order matters: stop taking work, then stop the workers, then the connections they use.
      await api.close();
      clearInterval(scheduler);
      revocations.stop();
      await scheduling;
      await webhooks.stop();
      await flash.close();
      await waiter.close();
      await mqtt.close();
      redis.disconnect();
      cluster?.close();
      await dispatchPool.end();
      await adminPool.end();
      await pool.end();
    },
  };
}
