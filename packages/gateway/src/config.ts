import { DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE } from '@ota/proto';

export interface GatewayConfig {
  databaseUrl: string;
  databaseSchema: string;
  redisUrl: string;
  /** Key prefix for BullMQ in Redis. */
  queuePrefix: string;
  mqttHost: string;
  mqttPort: number;
  httpHost: string;
  httpPort: number;
  pkiDir: string;
  dataDir: string;
  /** Extra DNS names or IPs for the server certificate, beside localhost. */
  serverHosts: readonly string[];
  /** token -> actor */
  adminTokens: ReadonlyMap<string, string>;
  chunkSize: number;
  maxImageBytes: number;
  /**
   * Vehicles in flight across all campaigns at most; urgency decides who goes first when it is full. 0: no
   * fleet-wide cap (each campaign's maxInFlight still holds), and offers skip the fleet-wide admission.
   */
  fleetMaxInFlight: number;
  /** Memory for image chunks shared by all downloads of this gateway. */
  chunkCacheBytes: number;
  /** Several gateways behind one address: MQTT messages and sessions through Redis (mqemitter-redis). */
  mqttCluster: boolean;
  /** Signed roots (root-N.pb) imported into Postgres at start when it holds none yet. */
  trustDir: string;
  /**
   * Development only: create offline root and release keys under PKI_DIR/offline and root version 1 when
   * absent. In production those keys never touch the gateway (see `pnpm trust`).
   */
  devTrust: boolean;
  /** Chunk requests each vehicle keeps in flight, named in every manifest. */
  chunkWindow: number;
  /** An offer not taken up (no chunk asked for, no answer) after this many seconds goes again; then twice as long. */
  offerResendS: number;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Postgres or Redis could not be reached while the gateway starts: which one, where, and why, in one line. */
export class DependencyUnavailable extends Error {
  constructor(what: 'Postgres' | 'Redis', url: string, cause: Error) {
    super(`cannot connect to ${what} at ${withoutPassword(url)}: ${cause.message || (cause as { code?: string }).code || String(cause)}`);
    this.name = 'DependencyUnavailable';
  }
}

/** A connection URL fit for a log line: its password, if any, masked. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the gateway's configuration from the environment once, checks it, and freezes it. */
export function loadConfig(env: Env): Readonly<GatewayConfig> {
  const config: GatewayConfig = {
    databaseUrl: required(env, 'DATABASE_URL'),
    databaseSchema: env.DATABASE_SCHEMA ?? 'public',
    redisUrl: required(env, 'REDIS_URL'),
    queuePrefix: env.QUEUE_PREFIX ?? 'ota',
    mqttHost: env.MQTT_HOST ?? '0.0.0.0',
    mqttPort: port(env, 'MQTT_PORT', 8883),
    httpHost: env.HTTP_HOST ?? '0.0.0.0',
    httpPort: port(env, 'HTTP_PORT', 8080),
    pkiDir: env.PKI_DIR ?? '.ota/pki',
    dataDir: env.DATA_DIR ?? '.ota/data',
    serverHosts: (env.SERVER_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    adminTokens: tokens(env),
    chunkSize: integer(env, 'CHUNK_SIZE', DEFAULT_CHUNK_SIZE, 1024, MAX_CHUNK_SIZE),
    maxImageBytes: integer(env, 'MAX_IMAGE_BYTES', 2 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    fleetMaxInFlight: integer(env, 'FLEET_MAX_IN_FLIGHT', 0, 0, 10_000_000),
    mqttCluster: flag(env, 'MQTT_CLUSTER'),
    chunkCacheBytes: integer(env, 'CHUNK_CACHE_BYTES', 64 * 1024 * 1024, 0, Number.MAX_SAFE_INTEGER),
    trustDir: env.TRUST_DIR ?? `${env.PKI_DIR ?? '.ota/pki'}/trust`,
    devTrust: flag(env, 'DEV_TRUST'),
    chunkWindow: integer(env, 'CHUNK_WINDOW', 4, 1, 64),
    offerResendS: integer(env, 'OFFER_RESEND_S', 30, 1, 86_400),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
  return Object.freeze(config);
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(name, 'is required');
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be an integer in ${min}..${max}, got "${raw}"`);
  return n;
}

function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(name, `must be 1/true or 0/false, got "${raw}"`);
}

function port(env: Env, name: string, fallback: number): number {
  return integer(env, name, fallback, 0, 65535);
}

/** ADMIN_TOKENS="alice:secret1,bob:secret2", or ADMIN_TOKEN="secret" for a single actor named "admin". */
function tokens(env: Env): Map<string, string> {
  const map = new Map<string, string>();
  if (env.ADMIN_TOKEN) map.set(env.ADMIN_TOKEN, 'admin');
  for (const pair of (env.ADMIN_TOKENS ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    if (at <= 0 || at === pair.length - 1) throw new ConfigError('ADMIN_TOKENS', 'expected actor:token pairs');
    map.set(pair.slice(at + 1), pair.slice(0, at));
  }
  for (const token of map.keys()) {
    if (token.length < 16) throw new ConfigError('ADMIN_TOKEN', 'tokens must have at least 16 characters');
  }
  if (map.size === 0) throw new ConfigError('ADMIN_TOKEN', 'set ADMIN_TOKEN or ADMIN_TOKENS');
  return map;
}
