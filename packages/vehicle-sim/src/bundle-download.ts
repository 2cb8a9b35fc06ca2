import { ota } from '@ota/proto';
import type { ChunkVerdict } from './chunk-assembler.js';
import { Download, SlowRetrievalWatch, type DownloadOutcome } from './download.js';
import type { AcceptedTarget } from './target-check.js';

export interface BundleDownloadOptions {
  /** In install order: the images are fetched in that order, one at a time. */
  targets: readonly AcceptedTarget[];
  window: number;
  timeoutMs: number;
  maxRetries: number;
  /** From the signed manifest's download policy; 0 disables the watchdog. */
  minBytesPerS: number;
  slowGraceMs: number;
  request: (imageSha256: Uint8Array, index: number) => void;
  /** Bytes over the whole bundle. */
  progress: (phase: ota.v1.Phase.DOWNLOADING | ota.v1.Phase.VERIFYING, bytesDone: number, bytesTotal: number) => void;
  /** Called once: every image downloaded and verified whole against its signed digest and length, or why not. */
  end: (outcome: DownloadOutcome) => void;
}

/**
 * The images of one manifest, downloaded one after another. Each finished image is checked whole before the
 * next starts; the image is hashed as it arrives and never held (the simulated flash needs only the length),
 * so a vehicle holds at most the chunks that arrived ahead of a gap. One slow-retrieval watchdog spans the
 * whole bundle.
 */
export class BundleDownload {
  private position = -1;
  private current: Download | null = null;
  private verifiedBytes = 0;
  private ended = false;
  private readonly totalBytes: number;

  constructor(private readonly opts: BundleDownloadOptions) {
    this.totalBytes = opts.targets.reduce((sum, t) => sum + t.image.imageSize, 0);
  }

  /** Verified bytes received, over every image. */
  get bytes(): number {
    return this.verifiedBytes + (this.current?.bytes ?? 0);
  }

  get running(): boolean {
    return !this.ended;
  }

  /** Chunks of the image being downloaded now. */
  get chunkCount(): number {
    return this.current?.assembler.chunkCount ?? 0;
  }

  start(): void {
    const watch = this.opts.minBytesPerS > 0 ? new SlowRetrievalWatch(this.opts.minBytesPerS, this.opts.slowGraceMs) : undefined;
    this.next(watch);
  }

  /**
   * A chunk for this execution: routed by its image digest (empty means the first target's image). Null
   * when it belongs to no image being downloaded now.
   */
  onChunk(imageSha256: Uint8Array, index: number, data: Uint8Array): ChunkVerdict | null {
    if (!this.downloads(imageSha256)) return null;
    return this.current!.onChunk(index, data);
  }

  /** Whether the image with this digest (empty: the first target's) is the one being downloaded now. */
  downloads(imageSha256: Uint8Array): boolean {
    const target = this.opts.targets[this.position];
    if (this.ended || !this.current || !target) return false;
    const digest = imageSha256.length > 0 ? imageSha256 : this.opts.targets[0]!.image.imageSha256;
    return Buffer.from(digest).equals(target.image.imageSha256);
  }

  /** After a reconnect: asks again for what was in flight; verified chunks are kept. */
  resend(): void {
    this.current?.resend();
  }

  abandon(): void {
    this.ended = true;
    this.current?.abandon();
  }

  private next(watch: SlowRetrievalWatch | undefined): void {
    this.position++;
    const target = this.opts.targets[this.position];
    if (!target) return this.finish({ ok: true });
    const done = this.verifiedBytes;
    const download: Download = new Download({
      image: target.image,
      window: this.opts.window,
      timeoutMs: this.opts.timeoutMs,
      maxRetries: this.opts.maxRetries,
      watch,
      request: (index) => this.opts.request(target.image.imageSha256, index),
      progress: (bytes) => this.opts.progress(ota.v1.Phase.DOWNLOADING, done + bytes, this.totalBytes),
      end: (outcome) => {
        if (this.ended) return;
        if (!outcome.ok) return this.finish(outcome);
        this.opts.progress(ota.v1.Phase.VERIFYING, done + download.bytes, this.totalBytes);
        const whole = download.assembler.finish();
        download.assembler.release();
        if (!whole.ok) return this.finish(whole);
        this.verifiedBytes += whole.bytes;
        this.current = null;
        this.next(watch);
      },
    });
    this.current = download;
    download.start();
  }

  private finish(outcome: DownloadOutcome): void {
    this.ended = true;
    this.opts.end(outcome);
  }
}
