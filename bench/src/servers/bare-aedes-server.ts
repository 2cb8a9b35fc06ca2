import { randomBytes } from 'node:crypto';
import { createServer } from 'node:tls';
import { Aedes } from 'aedes';
import { ota, vehicleTopic } from '@ota/proto';
import { serveRequests } from '../server-process.js';
import { chunkHashesOf, encodeChunk, readTlsFiles, vinOfRequestTopic } from '../baseline/chunk-protocol.js';

/**
 * Bare aedes over the gateway's TLS settings (same CA and server certificate, requestCert and
 * rejectUnauthorized), with none of the project: no access policy, no Postgres, no signing. With
 * BENCH_IMAGE_BYTES set it answers ota.v1.ChunkRequest in-process from an image held in memory.
 */
const tls = await readTlsFiles(process.env.BENCH_PKI_DIR!);
const imageBytes = Number(process.env.BENCH_IMAGE_BYTES ?? 0);
const chunkSize = Number(process.env.BENCH_CHUNK_SIZE ?? 64 * 1024);
const image = randomBytes(imageBytes);
const chunkHashes = chunkHashesOf(image, chunkSize);
let bytesSent = 0;

const broker = await Aedes.createBroker({
  maxClientsIdLength: 17,
  // The hook the gateway answers uplinks from too; a broker.subscribe handler that publishes overflows
  // mqemitter's stack once thousands of requests queue up.
  published(packet, client, done) {
    if (client && imageBytes > 0 && packet.topic.endsWith('/chunks/req')) answer(vinOfRequestTopic(packet.topic), packet.payload as Buffer);
    done(null);
  },
});
const server = createServer({ ...tls, requestCert: true, rejectUnauthorized: true }, (socket) => broker.handle(socket));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

// At most this many chunk publishes in aedes at once. mqemitter (concurrency 100) queues the rest and
// drains its queue recursively: thousands of queued publishes that complete synchronously overflow the stack.
const MAX_PUBLISHING = 64;
const waiting: { vin: string; executionId: string; index: number }[] = [];
let publishing = 0;

function answer(vin: string, payload: Buffer): void {
  const req = ota.v1.ChunkRequest.decode(payload);
  for (let index = req.index; index < req.index + (req.count || 1); index++) waiting.push({ vin, executionId: req.executionId, index });
  pump();
}

function pump(): void {
  while (publishing < MAX_PUBLISHING && waiting.length > 0) {
    const { vin, executionId, index } = waiting.shift()!;
    publishing++;
    bytesSent += Math.min(chunkSize, image.length - index * chunkSize);
    const chunk = encodeChunk(executionId, index, image, chunkSize);
    broker.publish({ cmd: 'publish', topic: vehicleTopic(vin, 'chunks/data'), payload: chunk, qos: 0, retain: false, dup: false }, () => {
      publishing--;
      setImmediate(pump);
    });
  }
}
const address = server.address();
serveRequests(
  { port: typeof address === 'object' && address ? address.port : 0, chunkHashes },
  { metrics: () => ({ bytesSent, clients: broker.connectedClients }) },
  async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);
