import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore, type StoredImage } from '@ota/campaign-core';
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

  it('reads each chunk from disk once for a whole fleet, concurrent misses included', async () => {
    const cache = new ChunkCache(blobs);
    const reads = Array.from({ length: 1000 }, (_, v) => cache.read(image.sha256, (v % 10) * 1024, 1024));
    const chunks = await Promise.all(reads);
    chunks.forEach((c, v) => expect(c.equals(bytes.subarray((v % 10) * 1024, (v % 10) * 1024 + 1024))).toBe(true));
    expect(cache.diskReads).toBe(10);
  });

  it('stays within its byte budget, dropping the least recently used chunk', async () => {
    const cache = new ChunkCache(blobs, 3 * 1024);
    for (let i = 0; i < 10; i++) await cache.read(image.sha256, i * 1024, 1024);
    expect(cache.cachedBytes).toBeLessThanOrEqual(3 * 1024);
    await cache.read(image.sha256, 9 * 1024, 1024); // still cached
    expect(cache.diskReads).toBe(10);
    await cache.read(image.sha256, 0, 1024); // long gone
    expect(cache.diskReads).toBe(11);
  });
});
