import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ImageHasher } from './image-hasher.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

describe('ImageHasher', () => {
  it('gives the digest of the image and of every chunk, whatever pieces the bytes come in', () => {
    const image = randomBytes(5 * 1000 + 7);
    const expected = { sha256: sha256(image), size: image.length, chunkSize: 1000, chunkHashes: [0, 1, 2, 3, 4, 5].map((i) => sha256(image.subarray(i * 1000, (i + 1) * 1000))) };
    const whole = new ImageHasher(1000);
    whole.update(image);
    expect(whole.digest()).toEqual(expected);
    // Pieces that straddle chunk boundaries, one that ends exactly on one, and an empty one.
    const pieces = new ImageHasher(1000);
    for (const [from, to] of [[0, 999], [999, 1000], [1000, 1000], [1000, 3500], [3500, image.length]] as const) pieces.update(image.subarray(from, to));
    expect(pieces.bytes).toBe(image.length);
    expect(pieces.digest()).toEqual(expected);
  });

  it('has no partial chunk when the image ends on a chunk boundary', () => {
    const hasher = new ImageHasher(4);
    hasher.update(Buffer.from('abcdefgh'));
    expect(hasher.digest().chunkHashes).toEqual([sha256(Buffer.from('abcd')), sha256(Buffer.from('efgh'))]);
  });

  it('refuses a chunk size that cannot cut an image', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => new ImageHasher(size)).toThrow(RangeError);
  });
});
