import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { ota, vehicleTopic } from '@ota/proto';

/**
 * The baselines' own minimal chunk protocol: ota.v1.ChunkRequest up (QoS 1), ota.v1.Chunk down (QoS 0, as
 * the gateway sends chunks), on the project's topic names, and nothing else (no offers, manifests or
 * results). Independent of the vehicle-sim on purpose, so a change of the vehicle protocol does not move
 * the baselines; the transport (TLS, chunk size, window, QoS) is kept the same as the project's, so that
 * what is compared is the path, not the settings.
 */
export const CHUNK_REQUEST_TOPIC = 'ota/v1/+/chunks/req';
export const BASELINE_EXECUTION_ID = 'bench';

export async function readTlsFiles(pkiDir: string): Promise<{ ca: string; cert: string; key: string }> {
  const [ca, cert, key] = await Promise.all(
    ['ca.cert.pem', 'server.cert.pem', 'server.key.pem'].map((f) => readFile(join(pkiDir, f), 'utf8')),
  );
  return { ca: ca!, cert: cert!, key: key! };
}

export function vinOfRequestTopic(topic: string): string {
  return topic.split('/')[2]!;
}

/** The Chunk message for `index` of `image`, without copying the encoded bytes again. */
export function encodeChunk(executionId: string, index: number, image: Buffer, chunkSize: number): Buffer {
  const data = image.subarray(index * chunkSize, (index + 1) * chunkSize);
  const bytes = ota.v1.Chunk.encode({ executionId, index, offset: index * chunkSize, data }).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function chunkHashesOf(image: Buffer, chunkSize: number): string[] {
  const hashes: string[] = [];
  for (let offset = 0; offset < image.length; offset += chunkSize) {
    hashes.push(createHash('sha256').update(image.subarray(offset, offset + chunkSize)).digest('hex'));
  }
  return hashes;
}

export interface BaselineTls {
  ca: string;
  cert: string;
  key: string;
}

/** A plain mqtt.js client with a vehicle's certificate; resolves once connected and subscribed. */
export async function connectBaselineVehicle(url: string, vin: string, tls: BaselineTls, topics: string[]): Promise<MqttClient> {
  const client = mqtt.connect(url, {
    clientId: vin,
    protocolVersion: 4,
    clean: true,
    ...tls,
    rejectUnauthorized: true,
    reconnectPeriod: 0,
    connectTimeout: 30_000,
  });
  let onConnect = () => {};
  let onFail = (_err?: Error) => {};
  try {
    await new Promise<void>((resolve, reject) => {
      onConnect = () => resolve();
      onFail = (err?: Error) => reject(err ?? new Error(`${vin}: connection closed`));
      client.once('connect', onConnect);
      client.once('error', onFail);
      client.once('close', onFail);
    });
    if (topics.length > 0) await client.subscribeAsync(topics, { qos: 1 });
  } catch (err) {
    client.end(true);
    throw err;
  } finally {
    client.removeListener('connect', onConnect);
    client.removeListener('error', onFail);
    client.removeListener('close', onFail);
  }
  client.on('error', () => {});
  return client;
}

/**
 * Pulls one image the way a vehicle does: `window` single-chunk requests outstanding, each chunk checked
 * against its SHA-256 before the next request. Resolves with the bytes received.
 */
export function downloadImage(client: MqttClient, vin: string, chunkHashes: readonly string[], window: number): Promise<number> {
  const dataTopic = vehicleTopic(vin, 'chunks/data');
  const requestTopic = vehicleTopic(vin, 'chunks/req');
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let bytes = 0;
    const ask = () => {
      const index = next++;
      client.publish(requestTopic, Buffer.from(ota.v1.ChunkRequest.encode({ executionId: BASELINE_EXECUTION_ID, index, count: 1 }).finish()), { qos: 1 });
    };
    const onClose = () => {
      client.removeListener('message', onMessage);
      reject(new Error(`${vin}: connection closed after ${done} of ${chunkHashes.length} chunks`));
    };
    client.once('close', onClose);
    const onMessage = (topic: string, payload: Buffer) => {
      if (topic !== dataTopic) return;
      const chunk = ota.v1.Chunk.decode(payload);
      if (createHash('sha256').update(chunk.data).digest('hex') !== chunkHashes[chunk.index]) {
        client.removeListener('message', onMessage);
        client.removeListener('close', onClose);
        reject(new Error(`${vin}: chunk ${chunk.index} does not match its hash`));
        return;
      }
      bytes += chunk.data.length;
      done++;
      if (done === chunkHashes.length) {
        client.removeListener('message', onMessage);
        client.removeListener('close', onClose);
        resolve(bytes);
      } else if (next < chunkHashes.length) ask();
    };
    client.on('message', onMessage);
    while (next < Math.min(window, chunkHashes.length)) ask();
  });
}
