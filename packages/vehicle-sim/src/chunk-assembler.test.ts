import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ota } from '@ota/proto';
import { ChunkAssembler } from './chunk-assembler.js';

const CHUNK = 1000;
const image = randomBytes(2500);
const chunks = [0, 1, 2].map((i) => image.subarray(i * CHUNK, (i + 1) * CHUNK));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();
const target = { imageSize: image.length, chunkSize: CHUNK, chunkSha256: chunks.map(sha), imageSha256: sha(image) };
const C = ota.v1.ResultCode;

describe('ChunkAssembler', () => {
  it('takes chunks in any order, ignores duplicates, and checks the whole image', () => {
    const a = new ChunkAssembler(target, { keep: true });
    expect(a.accept(2, chunks[2]!)).toEqual({ kind: 'accepted' });
    expect(a.accept(0, chunks[0]!)).toEqual({ kind: 'accepted' });
    expect(a.accept(0, chunks[0]!)).toEqual({ kind: 'duplicate' });
    expect(a.complete).toBe(false);
    expect(a.finish()).toMatchObject({ ok: false, code: C.DOWNLOAD_FAILED });
    expect(a.accept(1, chunks[1]!)).toEqual({ kind: 'accepted' });
    expect(a.bytes).toBe(2500);
    expect(a.finish()).toEqual({ ok: true, bytes: 2500 });
    expect(a.image()!.equals(image)).toBe(true);
  });

  it('expects full chunks and the remainder last', () => {
    const a = new ChunkAssembler(target);
    expect([0, 1, 2].map((i) => a.expectedLength(i))).toEqual([1000, 1000, 500]);
    expect(a.accept(2, Buffer.concat([chunks[2]!, Buffer.alloc(500)]))).toMatchObject({ kind: 'refused', code: C.LENGTH_EXCEEDED });
    expect(a.accept(0, chunks[0]!.subarray(0, 999))).toMatchObject({ kind: 'refused', code: C.HASH_MISMATCH });
  });

  it('refuses a tampered chunk, a chunk beyond the image and more bytes than signed', () => {
    const a = new ChunkAssembler(target);
    const bad = Buffer.from(chunks[1]!);
    bad[0]! ^= 0xff;
    expect(a.accept(1, bad)).toMatchObject({ kind: 'refused', code: C.HASH_MISMATCH });
    expect(a.accept(3, chunks[0]!)).toMatchObject({ kind: 'refused', code: C.LENGTH_EXCEEDED });
    expect(a.accept(-1, chunks[0]!)).toMatchObject({ kind: 'refused', code: C.LENGTH_EXCEEDED });
    expect(a.accept(2, Buffer.concat([chunks[2]!, Buffer.alloc(1)]))).toMatchObject({ kind: 'refused', code: C.LENGTH_EXCEEDED });
    expect(a.bytes).toBe(0);
  });

  it('refuses a whole image whose digest differs from the signed one, even with good chunks', () => {
    const a = new ChunkAssembler({ ...target, imageSha256: sha(Buffer.from('other')) });
    chunks.forEach((c, i) => a.accept(i, c));
    expect(a.finish()).toMatchObject({ ok: false, code: C.HASH_MISMATCH });
  });

  it('holds only chunks that arrive ahead of a gap, each a copy, not a view into the packet it came in', () => {
    const packet = Buffer.from(chunks[1]!);
    const a = new ChunkAssembler(target);
    a.accept(1, packet);
    packet.fill(0);
    expect(a.chunksHeld).toBe(1);
    a.accept(0, chunks[0]!); // fills the gap: both go into the image digest and are let go
    expect(a.chunksHeld).toBe(0);
    a.accept(2, chunks[2]!);
    expect(a.chunksHeld).toBe(0);
    expect(a.finish()).toEqual({ ok: true, bytes: 2500 });
    expect(a.finish()).toEqual({ ok: true, bytes: 2500 }); // asked again (the digest is taken once)
    expect(a.image()).toBeNull(); // not kept: the vehicle never needs the image in one piece
  });

  it('frees the chunks on release and still treats late chunks as duplicates', () => {
    const a = new ChunkAssembler(target, { keep: true });
    chunks.forEach((c, i) => a.accept(i, c));
    a.release();
    expect(a.image()).toBeNull();
    expect(a.accept(1, chunks[1]!)).toEqual({ kind: 'duplicate' });
    expect(a.finish()).toMatchObject({ ok: false });
    expect(a.bytes).toBe(2500);
  });
});
