import { ota } from '@ota/proto';
import { BundleDownload } from './bundle-download.js';
import { installBundle, type BundleOutcome } from './bundle-install.js';
import type { DownloadOutcome } from './download.js';
import type { FaultPlan } from './faults.js';
import { unmetPreconditions, type VehicleState } from './preconditions.js';
import { SlowLink } from './slow-link.js';
import type { AcceptedTarget } from './target-check.js';
import type { Uplink } from './uplink.js';
import type { VirtualEcu } from './virtual-ecu.js';

const MAX_CHUNK_RETRIES = 3;

export interface ExecutionDeps {
  uplink: Uplink;
  faults: FaultPlan;
  /** Chunk requests in flight when the manifest does not say. */
  defaultWindow: number;
  chunkTimeoutMs: number;
  /** Drops the MQTT link (the 'disconnect' fault); the session reconnects on its own. */
  dropLink: () => void;
  /** Per chunk that arrived: verified and kept, or of no use. */
  counted: (kind: 'accepted' | 'ignored', bytes: number) => void;
  /** Every image downloaded and verified, or why not. */
  downloaded: (x: UpdateExecution, outcome: DownloadOutcome) => void;
}

/** Per-ECU results for an execution that changed nothing: each ECU with the version it still runs. */
export function unchanged(ecus: readonly VirtualEcu[], code: ota.v1.ResultCode, description: string): ota.v1.IEcuResult[] {
  return ecus.map((e) => ({ ecuSerial: e.serial, code, description, softwareVersion: e.softwareVersion }));
}

/**
 * One verified manifest on its way into the ECUs: its images downloaded one after another over the link
 * as the faults shape it, then the preconditions, then the bundle flashed in install order.
 */
export class UpdateExecution {
  activity: 'downloading' | 'verifying' | 'installing' = 'downloading';
  readonly download: BundleDownload;
  private readonly link: SlowLink;
  private disconnected = false;

  constructor(
    readonly executionId: string,
    readonly attempt: number,
    readonly manifest: ota.v1.UpdateManifest,
    readonly targets: readonly AcceptedTarget<VirtualEcu>[],
    private readonly deps: ExecutionDeps,
  ) {
    const policy = manifest.download;
    const minBytesPerS = policy?.minBytesPerS ?? 0;
    this.download = new BundleDownload({
      targets,
      window: policy?.chunkWindow || deps.defaultWindow,
      timeoutMs: deps.chunkTimeoutMs,
      maxRetries: MAX_CHUNK_RETRIES,
      minBytesPerS,
      slowGraceMs: policy?.slowGraceMs ?? 0,
      request: (imageSha256, index) => deps.uplink.chunkRequest(executionId, imageSha256, index),
      progress: (phase, bytes, total) => {
        this.activity = phase === ota.v1.Phase.VERIFYING ? 'verifying' : 'downloading';
        deps.uplink.progress(executionId, phase, bytes, total);
      },
      end: (outcome) => deps.downloaded(this, outcome),
    });
    this.link = new SlowLink(deps.faults.chunkDelayMs(attempt, targets[0]!.image.chunkSize, minBytesPerS));
  }

  get ecus(): VirtualEcu[] {
    return this.targets.map((t) => t.ecu);
  }

  start(): void {
    this.download.start();
  }

  /** Whether a chunk of the image with this digest is for this execution now: it is downloading that image. */
  wants(imageSha256: Uint8Array): boolean {
    return this.activity === 'downloading' && this.download.downloads(imageSha256);
  }

  /** A chunk for this execution, as the (possibly slow) link hands it over. */
  onChunk(chunk: ota.v1.Chunk): void {
    this.link.deliver(() => this.accept(chunk));
  }

  /** After a reconnect: asks again for what was in flight. */
  resend(): void {
    this.download.resend();
  }

  /** Stops downloading and forgets what the link still holds. */
  drop(): void {
    this.download.abandon();
    this.link.close();
  }

  /**
   * The manifest's preconditions against the vehicle's state, then the flash. Preconditions not met end it
   * with PRECONDITIONS_NOT_MET and nothing flashed.
   */
  async install(opts: { state: VehicleState; timeScale: number; stillWanted: () => boolean }): Promise<BundleOutcome> {
    const unmet = unmetPreconditions(this.manifest.preconditions, opts.state);
    if (unmet.length > 0) {
      const description = `preconditions not met: ${unmet.join(', ')}`;
      const code = ota.v1.ResultCode.PRECONDITIONS_NOT_MET;
      return { code, description, ecus: unchanged(this.ecus, code, description) };
    }
    this.activity = 'installing';
    const last = this.targets.length - 1;
    return installBundle({
      items: this.targets.map((t) => ({ ecu: t.ecu, version: t.release.version, releaseCounter: t.release.releaseCounter, imageSize: t.image.imageSize })),
      timeScale: opts.timeScale,
      // Injected faults hit the last ECU of the order, so a bundle shows what happens to its partners.
      faultAt: (i) => (i === last ? this.deps.faults.flashFault(this.attempt) : null),
      enter: (serial, size) => this.deps.uplink.progress(this.executionId, ota.v1.Phase.INSTALLING, size, size, serial),
      stillWanted: opts.stillWanted,
    });
  }

  private accept(chunk: ota.v1.Chunk): void {
    if (this.activity !== 'downloading' || !this.download.running) return this.deps.counted('ignored', 0);
    const { faults } = this.deps;
    const chunkCount = this.download.chunkCount;
    const data = faults.deliver(chunk.index, chunkCount, chunk.data);
    if (!this.disconnected && faults.dropsLinkAt(chunk.index, chunkCount)) {
      this.disconnected = true;
      return this.deps.dropLink(); // mqtt.js reconnects and the vehicle resumes
    }
    const verdict = this.download.onChunk(chunk.imageSha256, chunk.index, data);
    if (!verdict) this.deps.counted('ignored', 0);
    else if (verdict.kind === 'accepted') this.deps.counted('accepted', data.length);
  }
}
