import { createHash, type Hash } from 'node:crypto';
import type { StoredImage } from '../domain/types.js';

/**
 * The digests a release entry lists for an image: its sha256 and that of every `chunkSize` slice, fed in any
 * pieces, in order. One definition for the gateway that stores an image and the release engineer who checks
 * the gateway's entry against their own copy.
 */
export class ImageHasher {
  private readonly whole = createHash('sha256');
  private readonly chunkHashes: Buffer[] = [];
  private chunk: Hash = createHash('sha256');
  private inChunk = 0;
  private size = 0;

  constructor(private readonly chunkSize: number) {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`chunk size must be a positive integer, not ${chunkSize}`);
  }

  /** Bytes so far. */
  get bytes(): number {
    return this.size;
  }

  update(data: Uint8Array): void {
    this.size += data.length;
    this.whole.update(data);
    let at = 0;
    while (at < data.length) {
      const take = Math.min(this.chunkSize - this.inChunk, data.length - at);
      this.chunk.update(data.subarray(at, at + take));
      this.inChunk += take;
      at += take;
      if (this.inChunk === this.chunkSize) {
        this.chunkHashes.push(this.chunk.digest());
        this.chunk = createHash('sha256');
        this.inChunk = 0;
      }
    }
  }

  /** The digests of everything fed; the hasher is spent afterwards. */
  digest(): StoredImage {
    if (this.inChunk > 0) this.chunkHashes.push(this.chunk.digest());
    return { sha256: this.whole.digest(), size: this.size, chunkSize: this.chunkSize, chunkHashes: this.chunkHashes };
  }
}
