import { createHash } from 'node:crypto';
import { ota } from '@ota/proto';

export type ChunkVerdict =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'refused'; code: ota.v1.ResultCode; description: string };

/**
 * Collects an image chunk by chunk, checking each against the signed hash list as it arrives, and the whole
 * image against the signed digest and length at the end. It never holds more than the signed length.
 */
export class ChunkAssembler {
  private readonly chunks: (Buffer | undefined)[];
  private received = 0;
  bytes = 0;

  constructor(private readonly target: { imageSize: number; chunkSize: number; chunkSha256: Uint8Array[]; imageSha256: Uint8Array }) {
    this.chunks = new Array<Buffer | undefined>(target.chunkSha256.length);
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  get complete(): boolean {
    return this.received === this.chunks.length;
  }

  has(index: number): boolean {
    return this.chunks[index] !== undefined;
  }

  accept(index: number, data: Uint8Array): ChunkVerdict {
    if (!Number.isInteger(index) || index < 0 || index >= this.chunks.length) {
      return { kind: 'refused', code: ota.v1.ResultCode.LENGTH_EXCEEDED, description: `chunk ${index} is beyond the image` };
    }
    if (this.chunks[index]) return { kind: 'duplicate' };
    const { imageSize, chunkSize } = this.target;
    const expected = index === this.chunks.length - 1 ? imageSize - index * chunkSize : chunkSize;
    // Uptane endless data: never take more bytes than the signed length allows.
    if (data.length !== expected) {
      return {
        kind: 'refused',
        code: data.length > expected ? ota.v1.ResultCode.LENGTH_EXCEEDED : ota.v1.ResultCode.HASH_MISMATCH,
        description: `chunk ${index} has ${data.length} bytes, expected ${expected}`,
      };
    }
    const digest = createHash('sha256').update(data).digest();
    if (!digest.equals(this.target.chunkSha256[index]!)) {
      return { kind: 'refused', code: ota.v1.ResultCode.HASH_MISMATCH, description: `chunk ${index} hash mismatch` };
    }
    this.chunks[index] = Buffer.from(data);
    this.received++;
    this.bytes += data.length;
    return { kind: 'accepted' };
  }

  /** The whole image, if its length and sha256 match the signed ones. */
  finish(): { ok: true; image: Buffer } | { ok: false; code: ota.v1.ResultCode; description: string } {
    if (!this.complete) return { ok: false, code: ota.v1.ResultCode.DOWNLOAD_FAILED, description: 'image incomplete' };
    const image = Buffer.concat(this.chunks as Buffer[]);
    if (image.length !== this.target.imageSize) {
      return { ok: false, code: ota.v1.ResultCode.LENGTH_EXCEEDED, description: `image has ${image.length} bytes` };
    }
    if (!createHash('sha256').update(image).digest().equals(this.target.imageSha256)) {
      return { ok: false, code: ota.v1.ResultCode.HASH_MISMATCH, description: 'image sha256 mismatch' };
    }
    return { ok: true, image };
  }
}
