import { ota } from '@ota/proto';
import type { BlobStore } from '@ota/campaign-core';

/** One chunk as it goes on the wire: an encoded ota.v1.Chunk, and the image bytes it carries. */
export interface ChunkMessage {
  message: Buffer;
  dataBytes: number;
}

/**
 * The chunks of stored images as encoded ota.v1.Chunk messages, kept in memory up to a byte budget (least
 * recently used out first). A chunk message names its image, not an execution, so one buffer serves every
 * vehicle that downloads the image: sending allocates nothing per vehicle, and a fleet reads each chunk from
 * disk about once (concurrent misses share a single read). Bytes are immutable (content-addressed), so
 * nothing ever needs invalidating.
 */
export class ChunkCache {
  private readonly entries = new Map<string, ChunkMessage>();
  private readonly pending = new Map<string, Promise<ChunkMessage>>();
  private bytes = 0;
  /** Reads that went to disk, for tests and metrics. */
  diskReads = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly budgetBytes = 64 * 1024 * 1024,
    private readonly onDiskRead: () => void = () => {},
  ) {}

  /** Chunk `index` of the image, `chunkSize` bytes a chunk (the last one may be shorter). */
  read(sha256: Buffer, index: number, chunkSize: number): Promise<ChunkMessage> {
    const key = `${sha256.toString('hex')}:${index}:${chunkSize}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: most recently used last
      this.entries.set(key, hit);
      return Promise.resolve(hit);
    }
    let pending = this.pending.get(key);
    if (!pending) {
      this.diskReads++;
      this.onDiskRead();
      pending = this.load(sha256, index, chunkSize).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
      void pending.then((chunk) => this.remember(key, chunk), () => {});
    }
    return pending;
  }

  private async load(sha256: Buffer, index: number, chunkSize: number): Promise<ChunkMessage> {
    const offset = index * chunkSize;
    const data = await this.blobs.read(sha256, offset, chunkSize);
    const encoded = ota.v1.Chunk.encode({ index, offset, data, imageSha256: sha256 }).finish();
    return { message: Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength), dataBytes: data.length };
  }

  private remember(key: string, chunk: ChunkMessage): void {
    if (chunk.message.length > this.budgetBytes || this.entries.has(key)) return;
    this.entries.set(key, chunk);
    this.bytes += chunk.message.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.message.length;
    }
  }

  get cachedBytes(): number {
    return this.bytes;
  }
}
