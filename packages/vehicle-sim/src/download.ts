import { ota } from '@ota/proto';
import { ChunkAssembler, type ChunkVerdict, type SignedImage } from './chunk-assembler.js';

/**
 * Progress is advisory: the gateway acts on a phase change and ignores the byte count, yet every message costs
 * the vehicle an uplink and the gateway a decode. A small image on a fast link passes its tenths within
 * milliseconds, so after a download's first message the next waits at least this long (real time, as the
 * download is).
 */
export const PROGRESS_EVERY_MS = 5_000;

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
  /**
   * Download progress: at the start, then at most once per tenth of the image and once per
   * `progressEveryMs`, so a fast download sends little beyond its start and a slow one a line every few seconds.
   */
  progress: (bytesDone: number) => void;
  /** Least real time between two progress messages after the first; PROGRESS_EVERY_MS unless set. */
  progressEveryMs?: number;
  /** Called once: every chunk verified (the whole image is not checked yet), or why it stopped. */
  end: (outcome: DownloadOutcome) => void;
  /** Minimum-rate watchdog (Uptane slow retrieval), possibly shared by the downloads of one bundle. */
  watch?: SlowRetrievalWatch | undefined;
}

/**
 * Uptane slow retrieval: an attacker (or a bad link) may feed an image so slowly that the vehicle never
 * finishes and never updates. Once `graceMs` have passed since the start, the bytes verified over the last
 * `graceMs` must reach `minBytesPerS` times that span. Real time; `clock` is injectable for tests.
 */
export class SlowRetrievalWatch {
  private readonly startedAt: number;
  /** Cumulative verified bytes over time, oldest first; pruned to what the judged span needs. */
  private readonly samples: { at: number; bytes: number }[];
  private total = 0;

  constructor(
    readonly minBytesPerS: number,
    readonly graceMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.startedAt = clock();
    this.samples = [{ at: this.startedAt, bytes: 0 }];
  }

  /** How often a download should ask tooSlow(). */
  get checkEveryMs(): number {
    return Math.min(1000, Math.max(5, this.graceMs / 4));
  }

  record(bytes: number): void {
    this.total += bytes;
    this.samples.push({ at: this.clock(), bytes: this.total });
  }

  /** Why the download is too slow, or null while it keeps up (or is still in its grace period). */
  tooSlow(): string | null {
    const now = this.clock();
    if (this.minBytesPerS <= 0 || now - this.startedAt < this.graceMs) return null;
    const from = now - this.graceMs;
    while (this.samples.length > 1 && this.samples[1]!.at <= from) this.samples.shift();
    const recent = this.total - this.samples[0]!.bytes;
    const needed = (this.minBytesPerS * this.graceMs) / 1000;
    if (recent >= needed) return null;
    return `${recent} bytes in the last ${this.graceMs} ms, below the minimum of ${this.minBytesPerS} bytes/s`;
  }
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
  private watchTimer: NodeJS.Timeout | null = null;
  private reportedTenths = -1;
  private reportedAt = 0;
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
    const watch = this.opts.watch;
    if (watch && watch.minBytesPerS > 0) {
      this.watchTimer = setInterval(() => {
        const slow = watch.tooSlow();
        if (slow) this.stop({ ok: false, code: ota.v1.ResultCode.SLOW_RETRIEVAL, description: `slow retrieval: ${slow}` });
      }, watch.checkEveryMs);
    }
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
    this.opts.watch?.record(data.length);
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
    this.clearWatch();
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

  private clearWatch(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
  }

  private reportProgress(): void {
    const total = this.opts.image.imageSize;
    const tenths = Math.floor((this.assembler.bytes / total) * 10);
    if (tenths === this.reportedTenths) return;
    const now = Date.now();
    if (this.reportedTenths >= 0 && now - this.reportedAt < (this.opts.progressEveryMs ?? PROGRESS_EVERY_MS)) return;
    this.reportedTenths = tenths;
    this.reportedAt = now;
    this.opts.progress(this.assembler.bytes);
  }

  private stop(outcome: DownloadOutcome): void {
    this.clearTimer();
    this.clearWatch();
    this.ended = true;
    this.outstanding.clear();
    // On success the assembler stays until the vehicle has checked the whole image and releases it.
    if (!outcome.ok) this.assembler.release();
    this.opts.end(outcome);
  }
}
