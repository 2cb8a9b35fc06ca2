import { ota } from '@ota/proto';
import { ChunkAssembler, type ChunkVerdict, type SignedImage } from './chunk-assembler.js';

export type DownloadOutcome = { ok: true } | { ok: false; code: ota.v1.ResultCode; description: string };

export interface DownloadOptions {
  image: SignedImage;
  /** Chunk requests kept outstanding. */
  window: number;
  /** No verified chunk for this long: ask again for everything outstanding. Real time, not scaled. */
  timeoutMs: number;
  /** Re-requests without progress before giving up. */
  maxRetries: number;
  /** Sends one ChunkRequest; may be called again for the same index after a timeout or reconnect. */
  request: (index: number) => void;
  /** Download progress, at most once per tenth of the image (plus 0 and 100 %). */
  progress: (bytesDone: number) => void;
  /** Called once: every chunk verified (the whole image is not checked yet), or why it stopped. */
  end: (outcome: DownloadOutcome) => void;
}

/**
 * Pulls one image: keeps `window` chunk requests outstanding, verifies each chunk as it arrives, re-asks on
 * silence and gives up after `maxRetries` silent timeouts. The gateway sends only what is asked for, so a
 * slow vehicle never gets flooded.
 */
export class Download {
  readonly assembler: ChunkAssembler;
  private nextIndex = 0;
  private readonly outstanding = new Set<number>();
  private retries = 0;
  private timer: NodeJS.Timeout | null = null;
  private reportedTenths = -1;
  private ended = false;

  constructor(private readonly opts: DownloadOptions) {
    this.assembler = new ChunkAssembler(opts.image);
  }

  get bytes(): number {
    return this.assembler.bytes;
  }

  get running(): boolean {
    return !this.ended;
  }

  start(): void {
    this.reportProgress();
    this.fillWindow();
  }

  onChunk(index: number, data: Uint8Array): ChunkVerdict {
    if (this.ended) return { kind: 'duplicate' };
    const verdict = this.assembler.accept(index, data);
    if (verdict.kind === 'refused') {
      // A bad chunk means a bad source or a tampered path: stop here rather than ask again.
      this.stop({ ok: false, code: verdict.code, description: verdict.description });
      return verdict;
    }
    if (verdict.kind === 'duplicate') return verdict;
    this.outstanding.delete(index);
    this.retries = 0;
    this.reportProgress();
    if (this.assembler.complete) this.stop({ ok: true });
    else this.fillWindow();
    return verdict;
  }

  /** After a reconnect: the requests in flight may have been lost with the link; verified chunks are kept. */
  resend(): void {
    if (this.ended) return;
    for (const index of this.outstanding) this.opts.request(index);
    this.armTimer();
  }

  /** Stops without an outcome (cancel, vehicle stopped) and frees the chunks. */
  abandon(): void {
    this.clearTimer();
    this.ended = true;
    this.assembler.release();
  }

  private fillWindow(): void {
    while (this.outstanding.size < this.opts.window && this.nextIndex < this.assembler.chunkCount) {
      const index = this.nextIndex++;
      if (this.assembler.has(index)) continue;
      this.outstanding.add(index);
      this.opts.request(index);
    }
    this.armTimer();
  }

  private armTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.ended) return;
      if (++this.retries > this.opts.maxRetries) {
        this.stop({ ok: false, code: ota.v1.ResultCode.DOWNLOAD_FAILED, description: `no chunk arrived after ${this.opts.maxRetries} re-requests` });
        return;
      }
      for (const index of this.outstanding) this.opts.request(index);
      this.armTimer();
    }, this.opts.timeoutMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private reportProgress(): void {
    const total = this.opts.image.imageSize;
    const tenths = Math.floor((this.assembler.bytes / total) * 10);
    if (tenths === this.reportedTenths) return;
    this.reportedTenths = tenths;
    this.opts.progress(this.assembler.bytes);
  }

  private stop(outcome: DownloadOutcome): void {
    this.clearTimer();
    this.ended = true;
    this.outstanding.clear();
    // On success the chunks stay until the vehicle has verified the whole image and releases them.
    if (!outcome.ok) this.assembler.release();
    this.opts.end(outcome);
  }
}
