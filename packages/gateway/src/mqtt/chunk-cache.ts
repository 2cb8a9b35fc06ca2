import type { BlobStore } from '@ota/campaign-core';

/**
 * Chunks of stored images, kept in memory up to a byte budget (least recently used out first). A fleet
 * downloading the same image reads each chunk from disk about once: concurrent misses for one chunk share
 * a single read. Bytes are immutable (content-addressed), so nothing ever needs invalidating.
 */
export class ChunkCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  /** Reads that went to disk, for tests and metrics. */
  diskReads = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly budgetBytes = 64 * 1024 * 1024,
    private readonly onDiskRead: () => void = () => {},
  ) {}

  async read(sha256: Buffer, offset: number, length: number): Promise<Buffer> {
    const key = `${sha256.toString('hex')}:${offset}:${length}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-insert: most recently used last
      this.entries.set(key, hit);
      return hit;
    }
    let pending = this.pending.get(key);
    if (!pending) {
      this.diskReads++;
      this.onDiskRead();
      pending = this.blobs.read(sha256, offset, length).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
      void pending.then((data) => this.remember(key, data), () => {});
    }
    return pending;
  }

  private remember(key: string, data: Buffer): void {
    if (data.length > this.budgetBytes || this.entries.has(key)) return;
    this.entries.set(key, data);
    this.bytes += data.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.length;
    }
  }

  get cachedBytes(): number {
    return this.bytes;
  }
}
