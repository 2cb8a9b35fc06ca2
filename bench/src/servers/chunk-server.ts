import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import mqtt from 'mqtt';
import { ota, vehicleTopic } from '@ota/proto';
import { serveRequests } from '../server-process.js';
import { CHUNK_REQUEST_TOPIC, chunkHashesOf, encodeChunk, vinOfRequestTopic } from '../baseline/chunk-protocol.js';

/**
 * What a team would build from parts: a Node service connected to Mosquitto as an MQTT client, answering
 * every vehicle's ota.v1.ChunkRequest with chunks from an image in memory.
 */
const env = process.env;
const [ca, cert, key] = await Promise.all([env.BENCH_CA_FILE!, env.BENCH_CERT_FILE!, env.BENCH_KEY_FILE!].map((f) => readFile(f, 'utf8')));
const chunkSize = Number(env.BENCH_CHUNK_SIZE ?? 64 * 1024);
const image = randomBytes(Number(env.BENCH_IMAGE_BYTES ?? 0));
const client = mqtt.connect(env.BENCH_BROKER_URL!, {
  clientId: 'chunk-server',
  protocolVersion: 4,
  clean: true,
  ca,
  cert,
  key,
  rejectUnauthorized: true,
  reconnectPeriod: 0,
});
await new Promise<void>((resolve, reject) => {
  client.once('connect', () => resolve());
  client.once('error', reject);
});
let bytesSent = 0;
client.on('message', (topic, payload) => {
  const vin = vinOfRequestTopic(topic);
  const req = ota.v1.ChunkRequest.decode(payload);
  for (let index = req.index; index < req.index + (req.count || 1); index++) {
    bytesSent += Math.min(chunkSize, image.length - index * chunkSize);
    client.publish(vehicleTopic(vin, 'chunks/data'), encodeChunk(req.executionId, index, image, chunkSize), { qos: 0 });
  }
});
await client.subscribeAsync(CHUNK_REQUEST_TOPIC, { qos: 1 });
serveRequests({ chunkHashes: chunkHashesOf(image, chunkSize) }, { metrics: () => ({ bytesSent }) }, () => client.endAsync());
