import { EventEmitter } from 'node:events';
import type { KeyObject } from 'node:crypto';
import type { IClientOptions, MqttClient } from 'mqtt';
import { DOWNLINK, MAX_CHUNK_SIZE, MAX_MANIFEST_BYTES, ota, u64, type DownlinkSuffix } from '@ota/proto';
import { Download, type DownloadOutcome } from './download.js';
import type { EcuRecord, VehicleRecord } from './fleet-data.js';
import { FaultPlan, type FaultRates } from './faults.js';
import { verifyAndFlash } from './install.js';
import { checkManifest } from './manifest-check.js';
import { closeSession, openSession } from './mqtt-session.js';
import { ResultLog } from './result-log.js';
import { unverifiedClaim } from './unverified-claim.js';
import { Uplink } from './uplink.js';
import { VirtualEcu } from './virtual-ecu.js';

export interface VirtualVehicleOptions {
  record: VehicleRecord;
  /** e.g. mqtts://127.0.0.1:8883 */
  gatewayUrl: string;
  tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer; servername?: string };
  /** The director keys this vehicle trusts, by key id (keyIdOf). */
  trustedKeys: ReadonlyMap<string, KeyObject>;
  /** Simulated flash time factor: 1 is real time. */
  timeScale?: number;
  /** Chunk requests kept in flight. */
  chunkWindow?: number;
  /** No chunk for this long (real time): ask again, 3 times, then give up with DOWNLOAD_FAILED. */
  chunkTimeoutMs?: number;
  reconnectPeriodMs?: number;
  now?: () => number;
  /** Opens the MQTT connection; mqtt.connect unless a test plays the broker. */
  connect?: (url: string, options: IClientOptions) => MqttClient;
  /** Injected faults, and the seed that decides which vehicles they hit. */
  faults?: FaultRates;
  faultSeed?: number;
}

export type VehicleActivity = 'idle' | 'downloading' | 'verifying' | 'installing';

export interface VehicleStats {
  bytesReceived: number;
  chunksReceived: number;
  rejections: number;
  results: number;
  /** Messages on unknown topics, undecodable, or for no running execution. */
  ignoredMessages: number;
  reconnects: number;
  flashes: number;
  state: VehicleActivity;
}

/**
 * Size caps checked before any decode (Uptane endless-data attack). proto/src/limits.ts caps only uplinks and
 * chunk sizes, so the downlink caps are derived here: a chunk adds a few dozen bytes of framing.
 */
const DOWNLINK_CAPS: Readonly<Record<DownlinkSuffix, number>> = {
  update: MAX_MANIFEST_BYTES,
  'chunks/data': MAX_CHUNK_SIZE + 1024,
  cancel: 16 * 1024,
  rejected: 16 * 1024,
};
const ACTIVITY_ORDER: readonly VehicleActivity[] = ['idle', 'downloading', 'verifying', 'installing'];
const MAX_CHUNK_RETRIES = 3;

/** One update in progress on one ECU. */
interface Execution {
  executionId: string;
  attempt: number;
  target: ota.v1.Target;
  ecu: VirtualEcu;
  download: Download;
  activity: Exclude<VehicleActivity, 'idle'>;
  disconnected: boolean;
}

/**
 * One simulated vehicle: an MQTT client with the vehicle's own certificate, ECUs with versions, and the
 * update client that verifies, downloads, "flashes" and reports. It speaks only the wire contract.
 * Events: 'result' (ota.v1.IInstallResult), 'rejected' (ota.v1.IRejection), 'error' (transport trouble).
 */
export class VirtualVehicle extends EventEmitter {
  readonly vin: string;
  private readonly ecuState: VirtualEcu[];
  private client: MqttClient | null = null;
  /** By execution id; one per ECU at most, but different ECUs may update at once (different campaigns). */
  private readonly executions = new Map<string, Execution>();
  private readonly results = new ResultLog();
  private readonly uplink: Uplink;
  private readonly counters = { bytesReceived: 0, chunksReceived: 0, rejections: 0, results: 0, ignoredMessages: 0, reconnects: 0, flashes: 0 };
  private stopped = false;
  private timeScale: number;
  private readonly faults: FaultPlan;

  constructor(private readonly opts: VirtualVehicleOptions) {
    super();
    this.vin = opts.record.vin;
    this.ecuState = opts.record.ecus.map((e) => new VirtualEcu(e));
    this.timeScale = opts.timeScale ?? 1;
    this.faults = new FaultPlan(opts.faults ?? {}, this.vin, opts.faultSeed ?? 0);
    this.uplink = new Uplink(this.vin, () => (this.stopped ? null : this.client), (err) => this.fail(err), () => this.now());
  }

  /** Simulated flash time factor, changeable between updates (1 = real time). */
  setTimeScale(factor: number): void {
    this.timeScale = factor;
  }

  /** The ECUs with the software they run now. */
  get ecus(): readonly EcuRecord[] {
    return this.ecuState;
  }

  get stats(): VehicleStats {
    return { ...this.counters, state: this.activity };
  }

  /** The most advanced activity of any of its ECUs. */
  get activity(): VehicleActivity {
    let best = 0;
    for (const x of this.executions.values()) best = Math.max(best, ACTIVITY_ORDER.indexOf(x.activity));
    return ACTIVITY_ORDER[best]!;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connects, subscribes to its downlink topics and reports its versions. Rejects if the gateway refuses. */
  async start(): Promise<void> {
    if (this.client) throw new Error(`${this.vin} is already started`);
    this.stopped = false;
    this.client = await openSession({
      vin: this.vin,
      url: this.opts.gatewayUrl,
      tls: this.opts.tls,
      reconnectPeriodMs: this.opts.reconnectPeriodMs ?? 1000,
      connect: this.opts.connect,
      onMessage: (topic, payload) => this.onMessage(topic, payload),
      onReconnect: () => void this.onReconnect(),
      onError: (err) => this.fail(err),
    });
    await this.report();
  }

  /** Ends the session with a DISCONNECT; drops any download (a flash in progress never reports). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const x of this.executions.values()) x.download.abandon();
    this.executions.clear();
    const client = this.client;
    this.client = null;
    if (client) await closeSession(client);
  }

  /** Publishes the installed versions: at connect, at every reconnect and after every install. */
  report(): Promise<void> {
    return this.uplink.report(this.ecuState);
  }

  private async onReconnect(): Promise<void> {
    this.counters.reconnects++;
    await this.report();
    for (const x of this.executions.values()) x.download.resend();
  }

  /** Never throws: whatever arrives, a bad message changes nothing but a counter. */
  private onMessage(topic: string, payload: Buffer): void {
    const suffix = topic.startsWith(`ota/v1/${this.vin}/`) ? topic.slice(`ota/v1/${this.vin}/`.length) : '';
    const cap = (DOWNLINK_CAPS as Record<string, number | undefined>)[suffix];
    if (cap === undefined || payload.length > cap) return void this.counters.ignoredMessages++;
    try {
      if (suffix === DOWNLINK.update) this.onOffer(payload).catch((err: unknown) => this.fail(err));
      else if (suffix === DOWNLINK.chunk) this.onChunk(ota.v1.Chunk.decode(payload));
      else if (suffix === DOWNLINK.rejected) this.onRejected(ota.v1.Rejection.decode(payload));
      else if (suffix === DOWNLINK.cancel) this.onCancel(ota.v1.CancelRequest.decode(payload)).catch((err: unknown) => this.fail(err));
    } catch {
      this.counters.ignoredMessages++;
    }
  }

  private async onOffer(payload: Buffer): Promise<void> {
    const verdict = checkManifest(payload, { vin: this.vin, ecus: this.ecuState }, this.opts.trustedKeys, this.now());
    if (!verdict.ok && !verdict.signed) {
      // Tell the gateway which offer failed, but let an unsigned claim neither end nor pre-empt a real one.
      const claim = unverifiedClaim(payload);
      if (!claim || this.executions.has(claim.executionId)) return void this.counters.ignoredMessages++;
      const ecu = this.ecuState.find((e) => e.serial === claim.ecuSerial) ?? null;
      return this.finish(claim.executionId, verdict.code, verdict.description, ecu, null);
    }
    const id = verdict.ok ? verdict.manifest.executionId : verdict.executionId;
    const attempt = verdict.ok ? verdict.manifest.attempt : verdict.attempt;
    // MQTT QoS 1 redelivers: a running offer is ignored, an answered one gets the same answer. A retry after a
    // transient failure counts the attempt up and starts again.
    if (this.executions.has(id)) return;
    const earlier = this.results.answerFor(id, attempt);
    if (earlier) return this.uplink.result(earlier);
    if (!verdict.ok) return this.finish(id, verdict.code, verdict.description, verdict.ecu, attempt);
    const { target, ecu, imageSize } = verdict;
    // The driver is asked only when the signed manifest says so; a forced update is not negotiable.
    const refusal = verdict.manifest.consentRequired ? this.faults.consentRefusal(attempt) : null;
    if (refusal) return this.finish(id, refusal.code, refusal.description, ecu, attempt);
    if ([...this.executions.values()].some((other) => other.ecu === ecu)) {
      return this.finish(id, ota.v1.ResultCode.BUSY, `another update of ${ecu.serial} is in progress`, ecu, attempt);
    }
    const download: Download = new Download({
      image: { imageSize, chunkSize: target.chunkSize, chunkSha256: target.chunkSha256, imageSha256: target.imageSha256 },
      window: this.opts.chunkWindow ?? 4,
      timeoutMs: this.opts.chunkTimeoutMs ?? 10_000,
      maxRetries: MAX_CHUNK_RETRIES,
      request: (index) => this.uplink.chunkRequest(id, index),
      progress: (bytes) => this.uplink.progress(id, ota.v1.Phase.DOWNLOADING, bytes, imageSize),
      end: (outcome) => void this.onDownloadEnd(x, outcome).catch((err: unknown) => this.fail(err)),
    });
    const x: Execution = { executionId: id, attempt, target, ecu, download, activity: 'downloading', disconnected: false };
    this.executions.set(id, x);
    download.start();
  }

  private onChunk(chunk: ota.v1.Chunk): void {
    const x = this.executions.get(chunk.executionId);
    if (!x || x.activity !== 'downloading') return void this.counters.ignoredMessages++;
    const chunkCount = x.download.assembler.chunkCount;
    const data = this.faults.deliver(chunk.index, chunkCount, chunk.data);
    if (!x.disconnected && this.faults.dropsLinkAt(chunk.index, chunkCount)) {
      x.disconnected = true;
      this.client?.stream.destroy(); // the link drops; mqtt.js reconnects and onReconnect() resumes
      return;
    }
    const verdict = x.download.onChunk(chunk.index, data);
    if (verdict.kind === 'accepted') {
      this.counters.chunksReceived++;
      this.counters.bytesReceived += data.length;
    }
  }

  private async onDownloadEnd(x: Execution, outcome: DownloadOutcome): Promise<void> {
    if (this.executions.get(x.executionId) !== x) return;
    if (!outcome.ok) return this.finish(x.executionId, outcome.code, outcome.description, x.ecu, x.attempt);
    const imageSize = u64(x.target.imageSize);
    const installed = await verifyAndFlash({
      assembler: x.download.assembler,
      ecu: x.ecu,
      version: x.target.version,
      attempt: x.attempt,
      timeScale: this.timeScale,
      faults: this.faults,
      enter: (phase, bytes) => {
        x.activity = phase === ota.v1.Phase.VERIFYING ? 'verifying' : 'installing';
        this.uplink.progress(x.executionId, phase, bytes, imageSize);
      },
      stillWanted: () => this.executions.get(x.executionId) === x && !this.stopped,
    });
    if ('abandoned' in installed) return;
    const ok = installed.code === ota.v1.ResultCode.OK;
    if (ok) this.counters.flashes++;
    await this.finish(x.executionId, installed.code, installed.description, x.ecu, x.attempt);
    if (ok) await this.report();
  }

  /**
   * Ends an execution: the result is published and, unless it answers an unsigned claim, remembered for
   * redelivered offers. `ecu` reports the version it runs now, unchanged unless the install succeeded.
   */
  private async finish(executionId: string, code: ota.v1.ResultCode, description: string, ecu: VirtualEcu | null, attempt: number | null): Promise<void> {
    const x = this.executions.get(executionId);
    if (x) {
      x.download.abandon();
      this.executions.delete(executionId);
    }
    const result: ota.v1.IInstallResult = {
      executionId,
      success: code === ota.v1.ResultCode.OK || code === ota.v1.ResultCode.ALREADY_PROCESSED,
      code,
      description,
      bytesReceived: x ? x.download.bytes : 0,
      ecus: ecu ? [{ ecuSerial: ecu.serial, code, description, softwareVersion: ecu.softwareVersion }] : [],
    };
    const encoded = ota.v1.InstallResult.encode(result).finish();
    if (attempt !== null) this.results.remember(executionId, attempt, encoded);
    this.counters.results++;
    this.emit('result', result);
    await this.uplink.result(encoded);
  }

  /** Stops a download that has not reached flashing; a running flash is never interrupted. */
  private async onCancel(request: ota.v1.CancelRequest): Promise<void> {
    const id = request.executionId;
    const earlier = this.results.get(id);
    if (earlier) return this.uplink.result(earlier);
    const x = this.executions.get(id);
    if (x?.activity === 'installing') return; // its result will come
    await this.finish(id, ota.v1.ResultCode.OPERATION_CANCELLED, `cancelled: ${request.reason}`, x?.ecu ?? null, x?.attempt ?? 0);
  }

  private onRejected(rejection: ota.v1.Rejection): void {
    this.counters.rejections++;
    this.emit('rejected', rejection);
    // The gateway could not take it (e.g. its database was down): send the result again a little later.
    if (rejection.reason === 'OTA_ERR_UNAVAILABLE' && rejection.executionId) {
      const result = this.results.get(rejection.executionId);
      if (result) setTimeout(() => void this.uplink.result(result), 1000).unref();
    }
  }

  /** Surfaces transport trouble to whoever listens; without a listener one vehicle must not crash a fleet. */
  private fail(err: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
