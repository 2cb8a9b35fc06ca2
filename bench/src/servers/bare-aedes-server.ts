import { randomBytes } from 'node:crypto';
import { createServer } from 'node:tls';
import { Aedes } from 'aedes';
import { ota, vehicleTopic } from '@ota/proto';
import { serveRequests } from '../server-process.js';
import { CHUNK_REQUEST_TOPIC, chunkHashesOf, encodeChunk, readTlsFiles, vinOfRequestTopic } from '../baseline/chunk-protocol.js';

/**
 * Bare aedes over the gateway's TLS settings (same CA and server certificate, requestCert and
 * rejectUnauthorized), with none of the project: no access policy, no Postgres, no signing. With
 * BENCH_IMAGE_BYTES set it answers ota.v1.ChunkRequest in-process from an image held in memory.
 */
const tls = await readTlsFiles(process.env.BENCH_PKI_DIR!);
const broker = await Aedes.createBroker({ maxClientsIdLength: 17 });
const server = createServer({ ...tls, requestCert: true, rejectUnauthorized: true }, (socket) => broker.handle(socket));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

const imageBytes = Number(process.env.BENCH_IMAGE_BYTES ?? 0);
const chunkSize = Number(process.env.BENCH_CHUNK_SIZE ?? 64 * 1024);
const image = randomBytes(imageBytes);
const chunkHashes = chunkHashesOf(image, chunkSize);
let bytesSent = 0;
if (imageBytes > 0) {
  broker.subscribe(
    CHUNK_REQUEST_TOPIC,
    (packet, done) => {
      const vin = vinOfRequestTopic(packet.topic);
      const req = ota.v1.ChunkRequest.decode(packet.payload as Buffer);
      for (let index = req.index; index < req.index + (req.count || 1); index++) {
        const payload = encodeChunk(req.executionId, index, image, chunkSize);
        bytesSent += Math.min(chunkSize, image.length - index * chunkSize);
        broker.publish({ cmd: 'publish', topic: vehicleTopic(vin, 'chunks/data'), payload, qos: 1, retain: false, dup: false }, () => {});
      }
      done();
    },
    () => {},
  );
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
