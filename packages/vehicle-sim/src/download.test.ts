import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ota } from '@ota/proto';
import { Download, PROGRESS_EVERY_MS, SlowRetrievalWatch, type DownloadOutcome } from './download.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

function imageOf(size: number, chunkSize: number) {
  const bytes = randomBytes(size);
  const chunks: Buffer[] = [];
  for (let at = 0; at < size; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return { bytes, chunks, signed: { imageSize: size, chunkSize, chunkSha256: chunks.map(sha), imageSha256: sha(bytes) } };
}

function harness(size = 10_050, chunkSize = 100, window = 4, watch?: SlowRetrievalWatch) {
  const img = imageOf(size, chunkSize);
  const requests: number[] = [];
  const progress: number[] = [];
  const ends: DownloadOutcome[] = [];
  const download = new Download({
    image: img.signed,
    window,
    timeoutMs: 10_000,
    maxRetries: 3,
    request: (i) => requests.push(i),
    progress: (b) => progress.push(b),
    end: (o) => ends.push(o),
    watch,
  });
  return { img, requests, progress, ends, download };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Download', () => {
  it('keeps the window full, asks for every chunk exactly once, and ends when all are verified', () => {
    const h = harness();
    h.download.start();
    expect(h.requests).toEqual([0, 1, 2, 3]);
    // The gateway answers the oldest request each time; the window slides one chunk per answer.
    for (let served = 0; served < h.img.chunks.length; served++) {
      const index = h.requests[served]!;
      expect(h.download.onChunk(index, h.img.chunks[index]!)).toEqual({ kind: 'accepted' });
      expect(h.requests.length - (served + 1)).toBeLessThanOrEqual(4);
    }
    expect([...h.requests].sort((a, b) => a - b)).toEqual(h.img.chunks.map((_, i) => i));
    expect(h.ends).toEqual([{ ok: true }]);
    expect(h.download.assembler.finish()).toEqual({ ok: true, bytes: 10_050 });
  });

  it('reports progress at the start, then at most once per tenth of the image and once per PROGRESS_EVERY_MS', () => {
    const h = harness();
    h.download.start();
    for (let i = 0; i < h.img.chunks.length; i++) {
      vi.advanceTimersByTime(PROGRESS_EVERY_MS);
      h.download.onChunk(i, h.img.chunks[i]!);
    }
    expect(h.progress[0]).toBe(0);
    expect(h.progress.at(-1)).toBe(10_050);
    expect(h.progress.length).toBe(11);
    const tenths = h.progress.map((b) => Math.floor((b / 10_050) * 10));
    expect(new Set(tenths).size).toBe(tenths.length);
  });

  it('sends a fast download little more than its start: the rest waits for PROGRESS_EVERY_MS', () => {
    const h = harness();
    h.download.start();
    for (let i = 0; i < 50; i++) h.download.onChunk(i, h.img.chunks[i]!);
    expect(h.progress).toEqual([0]);
    vi.advanceTimersByTime(PROGRESS_EVERY_MS - 1);
    h.download.onChunk(50, h.img.chunks[50]!);
    expect(h.progress).toEqual([0]);
    vi.advanceTimersByTime(1);
    h.download.onChunk(51, h.img.chunks[51]!);
    expect(h.progress).toEqual([0, 5_200]);
    for (let i = 52; i < h.img.chunks.length; i++) h.download.onChunk(i, h.img.chunks[i]!);
    expect(h.progress).toEqual([0, 5_200]);
    expect(h.ends).toEqual([{ ok: true }]);
  });

  it('ignores duplicates and stops at the first bad chunk, asking for nothing more', () => {
    const h = harness();
    h.download.start();
    h.download.onChunk(0, h.img.chunks[0]!);
    expect(h.download.onChunk(0, h.img.chunks[0]!)).toEqual({ kind: 'duplicate' });
    const asked = h.requests.length;
    expect(h.download.onChunk(1, h.img.chunks[2]!)).toMatchObject({ kind: 'refused', code: ota.v1.ResultCode.HASH_MISMATCH });
    expect(h.ends).toEqual([{ ok: false, code: ota.v1.ResultCode.HASH_MISMATCH, description: 'chunk 1 hash mismatch' }]);
    expect(h.download.onChunk(2, h.img.chunks[2]!)).toEqual({ kind: 'duplicate' });
    vi.advanceTimersByTime(60_000);
    expect(h.requests.length).toBe(asked);
    expect(h.ends.length).toBe(1);
  });

  it('refuses a chunk longer than signed (LENGTH_EXCEEDED) and never holds more than the image size', () => {
    const h = harness(250, 100);
    h.download.start();
    h.download.onChunk(0, h.img.chunks[0]!);
    h.download.onChunk(1, h.img.chunks[1]!);
    h.download.onChunk(2, Buffer.concat([h.img.chunks[2]!, Buffer.alloc(1)]));
    expect(h.ends).toMatchObject([{ ok: false, code: ota.v1.ResultCode.LENGTH_EXCEEDED }]);
    expect(h.download.bytes).toBeLessThanOrEqual(250);
  });

  it('asks again after 10 s of silence, three times, then gives up with DOWNLOAD_FAILED', () => {
    const h = harness();
    h.download.start();
    vi.advanceTimersByTime(9_999);
    expect(h.requests).toEqual([0, 1, 2, 3]);
    vi.advanceTimersByTime(1);
    expect(h.requests).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    vi.advanceTimersByTime(20_000);
    expect(h.requests.length).toBe(16);
    expect(h.ends).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(h.ends).toMatchObject([{ ok: false, code: ota.v1.ResultCode.DOWNLOAD_FAILED }]);
    expect(h.requests.length).toBe(16);
  });

  it('starts the retry count afresh whenever a chunk arrives', () => {
    const h = harness();
    h.download.start();
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(35_000); // three re-requests, not yet the fourth timeout
      h.download.onChunk(i, h.img.chunks[i]!);
    }
    expect(h.ends).toEqual([]);
  });

  it('re-asks for what is outstanding after a reconnect', () => {
    const h = harness();
    h.download.start();
    h.download.onChunk(0, h.img.chunks[0]!);
    h.requests.length = 0;
    h.download.resend();
    expect(h.requests).toEqual([1, 2, 3, 4]);
  });

  it('once abandoned, neither asks nor ends, and frees the chunks', () => {
    const h = harness();
    h.download.start();
    h.download.onChunk(0, h.img.chunks[0]!);
    h.download.abandon();
    const asked = h.requests.length;
    vi.advanceTimersByTime(100_000);
    h.download.onChunk(1, h.img.chunks[1]!);
    expect(h.requests.length).toBe(asked);
    expect(h.ends).toEqual([]);
    expect(h.download.running).toBe(false);
    expect(h.download.assembler.image()).toBeNull();
  });

  it('stops with SLOW_RETRIEVAL when the last grace span verified less than the minimum rate', () => {
    // 1000 bytes/s over 1 s spans: chunks of 100 bytes must come at least every 100 ms.
    const h = harness(10_050, 100, 4, new SlowRetrievalWatch(1000, 1000));
    h.download.start();
    let next = 0;
    const serveFor = (ms: number, everyMs: number) => {
      for (let t = 0; t < ms; t += everyMs) {
        vi.advanceTimersByTime(everyMs);
        if (h.ends.length === 0) h.download.onChunk(next, h.img.chunks[next++]!);
      }
    };
    serveFor(2000, 50); // twice the minimum: fine, also past the grace period
    expect(h.ends).toEqual([]);
    serveFor(1000, 150); // two thirds of it: caught within a check period of the span
    expect(h.ends).toMatchObject([{ ok: false, code: ota.v1.ResultCode.SLOW_RETRIEVAL }]);
    expect((h.ends[0] as { description: string }).description).toMatch(/below the minimum of 1000 bytes\/s/);
  });

  it('gives a slow start its grace period, and judges nothing without a minimum', () => {
    const h = harness(10_050, 100, 4, new SlowRetrievalWatch(1000, 1000));
    h.download.start();
    vi.advanceTimersByTime(999);
    expect(h.ends).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(h.ends).toMatchObject([{ ok: false, code: ota.v1.ResultCode.SLOW_RETRIEVAL }]);
    const free = harness(10_050, 100, 4, new SlowRetrievalWatch(0, 1000));
    free.download.start();
    vi.advanceTimersByTime(9_000);
    expect(free.ends).toEqual([]);
  });
});
