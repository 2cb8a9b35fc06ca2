import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore, type StoredImage } from '@ota/campaign-core';
import { ota } from '@ota/proto';
import { ChunkCache } from './chunk-cache.js';

describe('ChunkCache', () => {
  let dir: string;
  let blobs: BlobStore;
  let image: StoredImage;
  const bytes = Buffer.from(Array.from({ length: 10 * 1024 }, (_, i) => i % 251));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ota-cache-'));
    blobs = new BlobStore(dir);
    image = await blobs.put(Readable.from([bytes]), { chunkSize: 1024, maxBytes: 1 << 20 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('reads each chunk from disk once for a whole fleet, concurrent misses included, and encodes it once', async () => {
    const cache = new ChunkCache(blobs);
    const reads = Array.from({ length: 1000 }, (_, v) => cache.read(image.sha256, v % 10, 1024));
    const chunks = await Promise.all(reads);
    chunks.forEach((c, v) => {
      const index = v % 10;
      const decoded = ota.v1.Chunk.decode(c.message);
      expect(Buffer.from(decoded.data).equals(bytes.subarray(index * 1024, index * 1024 + 1024))).toBe(true);
      expect(decoded).toMatchObject({ index, executionId: '' });
      expect(Number(decoded.offset)).toBe(index * 1024);
      expect(Buffer.from(decoded.imageSha256).equals(image.sha256)).toBe(true);
      expect(c.dataBytes).toBe(1024);
      // One buffer per chunk for every vehicle: nothing is encoded per send.
      expect(c.message).toBe(chunks[index]!.message);
    });
    expect(cache.diskReads).toBe(10);
    expect((await cache.read(image.sha256, 3, 1024)).message).toBe(chunks[3]!.message);
  });

  it('carries a short last chunk as it is', async () => {
    const short = await blobs.put(Readable.from([bytes.subarray(0, 2500)]), { chunkSize: 1024, maxBytes: 1 << 20 });
    const last = await new ChunkCache(blobs).read(short.sha256, 2, 1024);
    expect(last.dataBytes).toBe(452);
    expect(Buffer.from(ota.v1.Chunk.decode(last.message).data).equals(bytes.subarray(2048, 2500))).toBe(true);
  });

  it('stays within its byte budget, dropping the least recently used chunk', async () => {
    const cache = new ChunkCache(blobs, 3 * 1100);
    for (let i = 0; i < 10; i++) await cache.read(image.sha256, i, 1024);
    expect(cache.cachedBytes).toBeLessThanOrEqual(3 * 1100);
    await cache.read(image.sha256, 9, 1024); // still cached
    expect(cache.diskReads).toBe(10);
    await cache.read(image.sha256, 0, 1024); // long gone
    expect(cache.diskReads).toBe(11);
  });
});
