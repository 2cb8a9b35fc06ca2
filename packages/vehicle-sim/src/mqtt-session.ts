import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { DOWNLINK, vehicleTopic } from '@ota/proto';

export interface SessionOptions {
  vin: string;
  url: string;
  tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer; servername?: string };
  reconnectPeriodMs: number;
  connect?: ((url: string, options: IClientOptions) => MqttClient) | undefined;
  onMessage: (topic: string, payload: Buffer) => void;
  /** Every connect after the first: mqtt.js has reconnected on its own and resubscribed. */
  onReconnect: () => void;
  onError: (err: unknown) => void;
}

const STOP_GRACE_MS = 1000;
/** Longest wait between reconnect attempts. */
export const RECONNECT_MAX_MS = 60_000;

/**
 * How long to wait before reconnect attempt `attempt` (1 = the first after a drop): exponential backoff with
 * full jitter (a random point below min(max, base * 2^(attempt-1)), but at least a tenth of the base). When
 * a gateway restarts, its 10k vehicles then come back spread out instead of as one storm of TLS handshakes.
 */
export function reconnectDelayMs(attempt: number, baseMs: number, random: () => number = Math.random, maxMs = RECONNECT_MAX_MS): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  const floor = Math.min(ceiling, Math.max(1, baseMs / 10));
  return Math.round(floor + random() * (ceiling - floor));
}

/**
 * mqtt.js waits a fixed `reconnectPeriod` after every 'close'. This sets the period to a fresh jittered,
 * backed-off delay just before mqtt.js reads it (hence prependListener), and starts over after a connect.
 */
export function jitterReconnects(client: MqttClient, baseMs: number, random: () => number = Math.random): void {
  if (baseMs <= 0) return; // 0 means no reconnecting at all
  let attempt = 0;
  client.options.reconnectPeriod = reconnectDelayMs(1, baseMs, random);
  client.prependListener('close', () => {
    attempt++;
    client.options.reconnectPeriod = reconnectDelayMs(attempt, baseMs, random);
  });
  client.on('connect', () => {
    attempt = 0;
  });
}

/** First-connect attempts a busy gateway may time out or reset before the vehicle gives up. */
const MAX_OVERLOADED_CONNECTS = 6;

function isOverload(err: Error): boolean {
  return err.message === 'connack timeout' || (err as NodeJS.ErrnoException).code === 'ECONNRESET';
}

/**
 * Opens a vehicle's mutual-TLS MQTT session and subscribes to its downlink topics. Resolves once subscribed;
 * rejects, closing the client, if the gateway refuses the connection or any subscription, or stays too busy
 * to answer for MAX_OVERLOADED_CONNECTS attempts.
 */
export async function openSession(opts: SessionOptions): Promise<MqttClient> {
  const client = (opts.connect ?? mqtt.connect)(opts.url, {
    clientId: opts.vin, // proto/README: the client id is the VIN in the certificate
    protocolVersion: 4, // aedes speaks MQTT 3.1.1 only
    clean: true,
    ca: opts.tls.ca,
    cert: opts.tls.cert,
    key: opts.tls.key,
    ...(opts.tls.servername ? { servername: opts.tls.servername } : {}),
    rejectUnauthorized: true,
    reconnectPeriod: opts.reconnectPeriodMs,
    connectTimeout: 10_000,
    resubscribe: true, // clean sessions forget subscriptions; mqtt.js repeats them at every reconnect
  });
  jitterReconnects(client, opts.reconnectPeriodMs);
  client.on('message', (topic, payload) => opts.onMessage(topic, payload));
  try {
    await new Promise<void>((resolve, reject) => {
      let overloaded = 0;
      const onError = (err: Error) => {
        // A busy gateway (a connect ramp, a restart) answers late or drops the socket: mqtt.js has already
        // scheduled a jittered retry. A refusal (CONNACK code, bad certificate) is final.
        if (isOverload(err) && ++overloaded < MAX_OVERLOADED_CONNECTS) return;
        client.removeListener('connect', onConnect);
        client.removeListener('error', onError);
        reject(err);
      };
      const onConnect = () => {
        client.removeListener('error', onError);
        resolve();
      };
      client.once('connect', onConnect);
      client.on('error', onError);
    });
    const topics = Object.values(DOWNLINK).map((suffix) => vehicleTopic(opts.vin, suffix));
    // mqtt.js rejects on a SUBACK return code 0x80, the server's refusal [MQTT-3.9.3-2].
    await client.subscribeAsync(topics, { qos: 1 }).catch((err: Error) => {
      throw new Error(`gateway refused the downlink subscriptions of ${opts.vin}: ${err.message}`);
    });
  } catch (err) {
    await client.endAsync(true).catch(() => {});
    throw err;
  }
  client.on('error', (err) => opts.onError(err));
  client.on('connect', () => opts.onReconnect());
  return client;
}

/**
 * Ends a session cleanly: a DISCONNECT once in-flight QoS 1 messages are acknowledged. If the link is down,
 * or the gateway does not answer within a second, the socket is closed without waiting.
 */
export async function closeSession(client: MqttClient): Promise<void> {
  if (!client.connected) return client.endAsync(true).catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const graceful = client.endAsync(false).catch(() => {});
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      client.stream?.destroy();
      resolve();
    }, STOP_GRACE_MS);
  });
  await Promise.race([graceful, late]);
  clearTimeout(timer);
}
