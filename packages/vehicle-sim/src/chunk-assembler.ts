import { createHash, type Hash } from 'node:crypto';
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
 * image against the signed digest and length at the end. The whole-image digest grows as the image does,
 * in order, the way an ECU writes its inactive bank: a chunk that continues the image is hashed and let go
 * at once; only chunks that arrive ahead of a gap are held (a copy each) until the gap fills. With a window
 * of chunk requests in flight that is at most about the window, never the image, and never more bytes than
 * the signed length. `keep` also holds every chunk, for tests and tools that want the image back.
 */
export class ChunkAssembler {
  /** Which chunks arrived verified; kept after release() so a late duplicate stays a duplicate. */
  private readonly arrived: Uint8Array;
  /** Verified chunks beyond the first gap, by index. */
  private readonly ahead = new Map<number, Buffer>();
  private readonly kept: (Buffer | undefined)[] | null;
  private readonly whole: Hash = createHash('sha256');
  /** Chunks 0..hashedUpTo-1 are in `whole`. */
  private hashedUpTo = 0;
  private received = 0;
  private held = 0;
  private released = false;
  private verdict: ImageVerdict | null = null;

  constructor(
    private readonly target: SignedImage,
    opts: { keep?: boolean } = {},
  ) {
    this.arrived = new Uint8Array(target.chunkSha256.length);
    this.kept = opts.keep ? new Array<Buffer | undefined>(target.chunkSha256.length) : null;
  }

  get chunkCount(): number {
    return this.arrived.length;
  }

  /** Verified bytes received so far. */
  get bytes(): number {
    return this.held;
  }

  /** Chunks held because they arrived ahead of a gap (not counting `keep`). */
  get chunksHeld(): number {
    return this.ahead.size;
  }

  get complete(): boolean {
    return this.received === this.arrived.length;
  }

  has(index: number): boolean {
    return this.arrived[index] === 1;
  }

  /** The size chunk `index` must have: the chunk size, the remainder for the last one. */
  expectedLength(index: number): number {
    const { imageSize, chunkSize } = this.target;
    return index === this.arrived.length - 1 ? imageSize - index * chunkSize : chunkSize;
  }

  accept(index: number, data: Uint8Array): ChunkVerdict {
    if (!Number.isInteger(index) || index < 0 || index >= this.arrived.length) {
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
    this.arrived[index] = 1;
    this.received++;
    this.held += data.length;
    if (this.released) return { kind: 'accepted' };
    // Whatever is held is a copy: the received bytes may be a view into a larger MQTT packet.
    if (this.kept) this.kept[index] = Buffer.from(data);
    if (index === this.hashedUpTo) {
      this.whole.update(data);
      this.hashedUpTo++;
      for (let next = this.ahead.get(this.hashedUpTo); next; next = this.ahead.get(this.hashedUpTo)) {
        this.whole.update(next);
        this.ahead.delete(this.hashedUpTo++);
      }
    } else {
      this.ahead.set(index, Buffer.from(data));
    }
    return { kind: 'accepted' };
  }

  /** Checks the whole image against the signed length and sha256. The same answer every time it is asked. */
  finish(): ImageVerdict {
    if (this.verdict) return this.verdict;
    if (!this.complete || this.released) {
      return { ok: false, code: ota.v1.ResultCode.DOWNLOAD_FAILED, description: 'image incomplete' };
    }
    if (this.held !== this.target.imageSize) {
      this.verdict = { ok: false, code: ota.v1.ResultCode.LENGTH_EXCEEDED, description: `image has ${this.held} bytes, signed ${this.target.imageSize}` };
    } else if (!this.whole.digest().equals(this.target.imageSha256)) {
      this.verdict = { ok: false, code: ota.v1.ResultCode.HASH_MISMATCH, description: 'image sha256 mismatch' };
    } else {
      this.verdict = { ok: true, bytes: this.held };
    }
    return this.verdict;
  }

  /** The image as received, when constructed with `keep`; the vehicle itself never needs it in one piece. */
  image(): Buffer | null {
    return this.kept && this.complete && !this.released ? Buffer.concat(this.kept as Buffer[]) : null;
  }

  /** Drops what is held; `bytes` keeps counting what was received, for the result. */
  release(): void {
    this.released = true;
    this.ahead.clear();
    this.kept?.fill(undefined);
  }
}
