import { createHash } from 'node:crypto';
import { ota } from '@ota/proto';

export type ChunkVerdict =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'refused'; code: ota.v1.ResultCode; description: string };

export type ImageVerdict = { ok: true; bytes: number } | { ok: false; code: ota.v1.ResultCode; description: string };

/** What the signed manifest says about the image; every check below is against these numbers. */
export interface SignedImage {
  imageSize: number;
  chunkSize: number;
  chunkSha256: readonly Uint8Array[];
  imageSha256: Uint8Array;
}

/**
 * Collects an image chunk by chunk, checking each against the signed hash list as it arrives, and the whole
 * image against the signed digest and length at the end. It holds the chunks as they came, never more bytes
 * than the signed length, and never a second, concatenated copy.
 */
export class ChunkAssembler {
  private readonly chunks: (Buffer | undefined)[];
  /** Which chunks arrived verified; kept after release() so a late duplicate stays a duplicate. */
  private readonly arrived: Uint8Array;
  private received = 0;
  private held = 0;
  private released = false;

  constructor(private readonly target: SignedImage) {
    this.chunks = new Array<Buffer | undefined>(target.chunkSha256.length);
    this.arrived = new Uint8Array(target.chunkSha256.length);
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  /** Verified bytes held so far. */
  get bytes(): number {
    return this.held;
  }

  get complete(): boolean {
    return this.received === this.chunks.length;
  }

  has(index: number): boolean {
    return this.arrived[index] === 1;
  }

  /** The size chunk `index` must have: the chunk size, the remainder for the last one. */
  expectedLength(index: number): number {
    const { imageSize, chunkSize } = this.target;
    return index === this.chunks.length - 1 ? imageSize - index * chunkSize : chunkSize;
  }

  accept(index: number, data: Uint8Array): ChunkVerdict {
    if (!Number.isInteger(index) || index < 0 || index >= this.chunks.length) {
      return { kind: 'refused', code: ota.v1.ResultCode.LENGTH_EXCEEDED, description: `chunk ${index} is beyond the image` };
    }
    if (this.arrived[index]) return { kind: 'duplicate' };
    const expected = this.expectedLength(index);
    // Uptane endless-data attack: never take more bytes than the signed length allows.
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
    // A copy: the received buffer may be a view into a larger MQTT packet we should not keep alive.
    if (!this.released) this.chunks[index] = Buffer.from(data);
    this.arrived[index] = 1;
    this.received++;
    this.held += data.length;
    return { kind: 'accepted' };
  }

  /** Checks the whole image against the signed length and sha256, hashing the chunks in order. */
  finish(): ImageVerdict {
    if (!this.complete || this.released) {
      return { ok: false, code: ota.v1.ResultCode.DOWNLOAD_FAILED, description: 'image incomplete' };
    }
    if (this.held !== this.target.imageSize) {
      return { ok: false, code: ota.v1.ResultCode.LENGTH_EXCEEDED, description: `image has ${this.held} bytes, signed ${this.target.imageSize}` };
    }
    const hash = createHash('sha256');
    for (const chunk of this.chunks) hash.update(chunk!);
    if (!hash.digest().equals(this.target.imageSha256)) {
      return { ok: false, code: ota.v1.ResultCode.HASH_MISMATCH, description: 'image sha256 mismatch' };
    }
    return { ok: true, bytes: this.held };
  }

  /** The image as received, for tests and tools; the vehicle itself never needs it in one piece. */
  image(): Buffer | null {
    return this.complete && !this.released ? Buffer.concat(this.chunks as Buffer[]) : null;
  }

  /** Drops the chunks; `bytes` keeps counting what was received, for the result. */
  release(): void {
    this.released = true;
    this.chunks.fill(undefined);
  }
}
