import { ota } from '@ota/proto';
import { decodeOrRefuse, RefusedMessage, type UplinkHandler } from './context.js';

/** At most this many chunks per request: a vehicle paces itself with a window, not with one huge ask. */
export const MAX_CHUNKS_PER_REQUEST = 16;

/**
 * Answers `chunks/req` with the asked chunks of one of the execution's images. A chunk names its image, not
 * the execution, so the chunk cache encodes it once and every vehicle gets the same buffer. Each chunk is
 * published only once the one before is on its way to the socket, so a vehicle that does not read holds up
 * only itself. QoS 0, straight to the connection the request came in on (clustered, not through Redis):
 * the vehicle asks again for a chunk that does not come, after its timeout or a reconnect (proto/README.md).
 */
export const handleChunkRequest: UplinkHandler = async (ctx, vin, payload) => {
  const req = decodeOrRefuse(ota.v1.ChunkRequest.decode, payload, 'ChunkRequest');
  const found = req.executionId ? await ctx.images.forExecution(req.executionId) : null;
  // Another vehicle's execution id is treated as unknown: we do not confirm that it exists.
  if (!found || found.vin !== vin) {
    throw new RefusedMessage('OTA_ERR_EXECUTION_NOT_FOUND', 'no such execution for this vehicle', req.executionId);
  }
  const shaHex = req.imageSha256.length > 0 ? Buffer.from(req.imageSha256).toString('hex') : found.first.sha256.toString('hex');
  const image = found.images.get(shaHex);
  if (!image) throw new RefusedMessage('OTA_ERR_IMAGE_NOT_IN_EXECUTION', `image ${shaHex.slice(0, 16)}… is not a target of this execution`, req.executionId);
  const chunkCount = image.chunkHashes.length;
  const count = req.count || 1;
  if (count > MAX_CHUNKS_PER_REQUEST || req.index + count > chunkCount) {
    throw new RefusedMessage(
      'OTA_ERR_CHUNK_RANGE',
      `chunks ${req.index}..${req.index + count - 1} outside 0..${chunkCount - 1} or more than ${MAX_CHUNKS_PER_REQUEST}`,
      req.executionId,
    );
  }
  if (req.index === 0 && image === found.first) {
    // First chunk: the vehicle accepted the offer and is downloading. Its progress says so too: whichever
    // comes first moves the execution.
    await ctx.phases.move(vin, req.executionId, 'downloading');
  }
  let sent = found.sent.get(shaHex);
  if (!sent) found.sent.set(shaHex, (sent = new Set()));
  for (let index = req.index; index < req.index + count; index++) {
    const chunk = await ctx.chunks.read(image.sha256, index, image.chunkSize);
    if (!(await ctx.sendDirect(vin, 'chunks/data', chunk.message))) return; // gone: it asks again when back
    ctx.metrics.chunksSent++;
    ctx.metrics.bytesSent += chunk.dataBytes;
    if (sent.has(index)) ctx.metrics.bytesResent += chunk.dataBytes;
    else sent.add(index);
  }
};
