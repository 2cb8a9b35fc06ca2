import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { OtaError } from '@ota/campaign-core';

/**
 * A small binary body (a signed envelope), read whole up to `max` bytes. Routes that take one register
 * the application/octet-stream parser as a pass-through stream; images are streamed elsewhere, never here.
 */
export async function readBinaryBody(request: FastifyRequest, max: number, what: string): Promise<Buffer> {
  if (request.headers['content-type'] !== 'application/octet-stream') {
    throw new OtaError('OTA_ERR_UNSUPPORTED_MEDIA_TYPE', `send the ${what} as application/octet-stream`);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request.body as Readable) {
    size += (part as Buffer).length;
    if (size > max) throw new OtaError('OTA_ERR_VALIDATION', `the ${what} is larger than ${max} bytes`);
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts);
}
