import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { StoredImage } from '../domain/types.js';
import { OtaError } from '../errors.js';
import { ImageHasher } from './image-hasher.js';

/**
 * Images on disk, named by their sha256: the same bytes are stored once, and a name can never point at other
 * bytes. Several gateways share it through a common volume.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  /** Streams `source` to disk while hashing the whole image and every `chunkSize` slice of it. */
  async put(source: Readable, opts: { chunkSize: number; maxBytes: number }): Promise<StoredImage> {
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    const tmp = join(this.dir, 'tmp', randomUUID());
    const hashes = new ImageHasher(opts.chunkSize);
    const hasher = new Transform({
      transform(data: Buffer, _enc, done) {
        if (hashes.bytes + data.length > opts.maxBytes) {
          done(new OtaError('OTA_ERR_IMAGE_TOO_LARGE', `the image exceeds ${opts.maxBytes} bytes`));
          return;
        }
        hashes.update(data);
        done(null, data);
      },
    });
    try {
      // flush: fsync before close, so that the name below never points at bytes still in the page cache
      // (the update row that names the image commits right after; a power cut must not leave it a hole).
      await pipeline(source, hasher, createWriteStream(tmp, { mode: 0o644, flush: true }));
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    if (hashes.bytes === 0) {
      await rm(tmp, { force: true });
      throw new OtaError('OTA_ERR_IMAGE_EMPTY');
    }
    const image = hashes.digest();
    const path = this.pathOf(image.sha256);
    await mkdir(join(path, '..'), { recursive: true });
    await rename(tmp, path);
    await syncDir(join(path, '..'));
    return image;
  }

  async has(sha256: Buffer): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  /** Reads `length` bytes at `offset`; shorter at the end of the image. */
  async read(sha256: Buffer, offset: number, length: number): Promise<Buffer> {
    const file = await open(this.pathOf(sha256), 'r');
    try {
      const buf = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  pathOf(sha256: Buffer): string {
    const hex = sha256.toString('hex');
    return join(this.dir, 'sha256', hex.slice(0, 2), hex);
  }
}

/** Makes a rename in `dir` durable: the directory entry is on disk once this returns. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
