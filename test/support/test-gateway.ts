import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { createPool } from '@ota/campaign-core';
import { TEST_DATABASE_URL, TEST_REDIS_URL, createTestRedis, uniqueName } from '@ota/campaign-core/testing';
import { ensureDevTrust, ensureVehicleCredentials, startGateway, type DevTrust, type RunningGateway } from '@ota/gateway';
import { AdminClient, type CampaignStatus } from '@ota/rehearsal/admin-client';
import { SimulatedFleet, type FaultRates, type SimulatedFleetOptions, type VehicleRecord } from '@ota/vehicle-sim';

export interface TestGateway {
  gateway: RunningGateway;
  api: AdminClient;
  dir: string;
  schema: string;
  mqttUrl: string;
  httpUrl: string;
  token: string;
  /** The offline keys and root 1 of the test's key ceremony (development trust, under the PKI folder). */
  trust: DevTrust;
  credentials(vin: string): Promise<{ cert: string; key: string }>;
  /** Deletes this gateway's keys in Redis (queues, jobs, limiter settings), as a Redis restarted empty would. */
  forgetRedis(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real gateway on free ports, over the machine's Postgres (own schema) and Redis (own prefix).
 * `databaseUrl` and `redisUrl` point it at Postgres or Redis another way (through a proxy a test can cut);
 * cleanup uses the direct ones.
 */
export async function startTestGateway(opts: { fleetMaxInFlight?: number; databaseUrl?: string; redisUrl?: string; offerResendS?: number } = {}): Promise<TestGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'ota-e2e-'));
  const schema = uniqueName('e2e');
  const redis = await createTestRedis();
  const token = randomBytes(24).toString('hex');
  // The key ceremony first, as in production; the gateway imports root 1 from the trust folder.
  const trust = await ensureDevTrust(join(dir, 'pki'));
  const gateway = await startGateway(
    {
      databaseUrl: opts.databaseUrl ?? TEST_DATABASE_URL,
      databaseSchema: schema,
      redisUrl: opts.redisUrl ?? TEST_REDIS_URL,
      queuePrefix: redis.prefix,
      mqttHost: '127.0.0.1',
      mqttPort: 0,
      httpHost: '127.0.0.1',
      httpPort: 0,
      pkiDir: join(dir, 'pki'),
      dataDir: join(dir, 'data'),
      serverHosts: [],
      adminTokens: new Map([[token, 'e2e']]),
      chunkSize: 16 * 1024,
      maxImageBytes: 8 * 1024 * 1024,
      fleetMaxInFlight: opts.fleetMaxInFlight ?? 0,
      mqttCluster: false,
      chunkCacheBytes: 64 * 1024 * 1024,
      trustDir: join(dir, 'pki', 'trust'),
      devTrust: false,
      chunkWindow: 4,
      offerResendS: opts.offerResendS ?? 30,
      logLevel: 'warn',
    },
    pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  );
  return {
    gateway,
    api: new AdminClient(`http://127.0.0.1:${gateway.httpPort}`, token, { releaseKey: trust.releaseKey }),
    trust,
    dir,
    schema,
    mqttUrl: `mqtts://127.0.0.1:${gateway.mqttPort}`,
    httpUrl: `http://127.0.0.1:${gateway.httpPort}`,
    token,
    async credentials(vin) {
      const c = (await ensureVehicleCredentials(gateway.pki, [vin])).get(vin)!;
      return { cert: c.certPem, key: c.keyPem };
    },
    forgetRedis: () => redis.clear(),
    async stop() {
      await gateway.close();
      const pool = createPool({ url: TEST_DATABASE_URL });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
      await redis.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A bare MQTT client with the given identity: for tests that misbehave on purpose. */
export function connectRaw(
  url: string,
  opts: { clientId: string; ca: string; cert?: string; key?: string },
): MqttClient {
  return mqtt.connect(url, {
    clientId: opts.clientId,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ca: opts.ca,
    ...(opts.cert ? { cert: opts.cert } : {}),
    ...(opts.key ? { key: opts.key } : {}),
    rejectUnauthorized: true,
  });
}

/** Resolves 'connected', or the error / close that came instead. */
export function connectOutcome(client: MqttClient): Promise<{ connected: boolean; error?: string }> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve({ connected: true }));
    client.once('error', (err) => resolve({ connected: false, error: err.message }));
    client.once('close', () => resolve({ connected: false, error: 'closed' }));
  });
}

export async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The campaign's status once it reads `completed`; times out naming `what`. */
export function untilCompleted(api: Pick<AdminClient, 'campaignStatus'>, campaignId: string, timeoutMs: number, what: string): Promise<CampaignStatus> {
  return until(async () => {
    const s = await api.campaignStatus(campaignId);
    return s.campaign.state === 'completed' && s;
  }, timeoutMs, what);
}

/**
 * A simulated fleet connected to the test gateway over mutual TLS, with certificates from its CA and its
 * root of trust installed; started, and stopped by the returned fleet's stop().
 */
/**
 * An MQTT connect for startTestFleet whose vehicles each lose their first offer after its PUBACK, as when a
 * vehicle restarts before it reads it or a clustered gateway's Redis subscription drops: nothing tells the
 * gateway. `lost` holds the VINs that lost theirs; `firstLost` resolves when the first one did.
 */
export function losingFirstOffers(): { connect: NonNullable<SimulatedFleetOptions['connect']>; lost: Set<string>; firstLost: Promise<void> } {
  const lost = new Set<string>();
  let heard = () => {};
  const firstLost = new Promise<void>((resolve) => (heard = resolve));
  const connect = (url: string, options: IClientOptions): MqttClient => {
    const client = mqtt.connect(url, options);
    const emit = client.emit.bind(client) as (event: string | symbol, ...args: unknown[]) => boolean;
    (client as { emit: typeof emit }).emit = (event, ...args) => {
      const vin = String(options.clientId);
      if (event === 'message' && String(args[0]).endsWith('/update') && !lost.has(vin)) {
        lost.add(vin);
        heard();
        return true;
      }
      return emit(event, ...args);
    };
    return client;
  };
  return { connect, lost, firstLost };
}

export async function startTestFleet(
  t: TestGateway,
  records: VehicleRecord[],
  opts: { timeScale?: number; faults?: FaultRates; faultSeed?: number; connect?: SimulatedFleetOptions['connect'] } = {},
): Promise<SimulatedFleet> {
  const creds = new Map<string, { cert: string; key: string }>();
  for (const r of records) creds.set(r.vin, await t.credentials(r.vin));
  const fleet = new SimulatedFleet({
    records,
    gatewayUrl: t.mqttUrl,
    ca: t.gateway.pki.caCertPem,
    credentialsFor: (vin) => creds.get(vin)!,
    trustRoot: t.trust.root1,
    timeScale: opts.timeScale ?? 0.001,
    ...(opts.faults ? { faults: opts.faults, faultSeed: opts.faultSeed ?? 0 } : {}),
    ...(opts.connect ? { connect: opts.connect } : {}),
  });
  await fleet.start();
  return fleet;
}
