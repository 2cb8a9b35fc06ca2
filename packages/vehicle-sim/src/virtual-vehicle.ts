import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import { DOWNLINK, MAX_DOWNLINK_BYTES, UPLINK, anchorRoot, isRootRefusal, ota, u64, type TrustedRoot } from '@ota/proto';
import type { DownloadOutcome } from './download.js';
import type { EcuRecord } from './fleet-data.js';
import { FaultPlan } from './faults.js';
import { checkManifest } from './manifest-check.js';
import { closeSession, openSession } from './mqtt-session.js';
import { openOffer } from './offer-check.js';
import { DEFAULT_VEHICLE_STATE, type VehicleState } from './preconditions.js';
import { ReplayGuard } from './replay-guard.js';
import { ResultLog } from './result-log.js';
import type { AcceptedTarget } from './target-check.js';
import { unverifiedClaim } from './unverified-claim.js';
import { UpdateExecution, unchanged } from './update-execution.js';
import { Uplink } from './uplink.js';
import { simulatedReportKey } from './vehicle-keys.js';
import type { VehicleActivity, VehicleStats, VirtualVehicleOptions } from './vehicle-options.js';
import { VirtualEcu } from './virtual-ecu.js';

export type { VehicleActivity, VehicleStats, VirtualVehicleOptions } from './vehicle-options.js';

const ACTIVITY_ORDER: readonly VehicleActivity[] = ['idle', 'downloading', 'verifying', 'installing'];
const C = ota.v1.ResultCode;

/**
 * One simulated vehicle: an MQTT client with the vehicle's own certificate, ECUs with flash banks, a root of
 * trust, and the update client that verifies (Uptane full verification), downloads, "flashes" and reports.
 * It speaks only the wire contract. Events: 'download' ({ executionId, attempt }: an offer passed every check
 * and its download starts), 'result' (ota.v1.IInstallResult), 'rejected' (ota.v1.IRejection), 'error'
 * (transport trouble).
 */
const REPORT_RETRY_MIN_MS = 1000;
const REPORT_RETRY_MAX_MS = 30_000;

export class VirtualVehicle extends EventEmitter {
  readonly vin: string;
  private readonly ecuState: VirtualEcu[];
  private client: MqttClient | null = null;
  /** By execution id; an ECU is in one at most, but different ECUs may update at once (different campaigns). */
  private readonly executions = new Map<string, UpdateExecution>();
  private readonly results = new ResultLog();
  private readonly replay = new ReplayGuard();
  private readonly uplink: Uplink;
  private readonly counters = { bytesReceived: 0, chunksReceived: 0, rejections: 0, results: 0, ignoredMessages: 0, reconnects: 0, flashes: 0, reportRetries: 0 };
  private stopped = false;
  /** A report the gateway could not store waits this long before a fresh one goes; doubles while refused. */
  private reportRetryMs = REPORT_RETRY_MIN_MS;
  private reportRetry: NodeJS.Timeout | null = null;
  private timeScale: number;
  private readonly faults: FaultPlan;
  private root: TrustedRoot;
  private vehicleState: VehicleState;
  /** The 'not-parked' fault: driven until an update that needs it parked finds it not. */
  private driven: boolean;

  constructor(private readonly opts: VirtualVehicleOptions) {
    super();
    this.vin = opts.record.vin;
    const root = anchorRoot(opts.trustRoot);
    if (isRootRefusal(root)) throw new Error(`${this.vin}: the trust root does not verify: ${root.description}`);
    this.root = root;
    const reportKey = opts.reportKey ?? simulatedReportKey(this.vin);
    if (reportKey.type !== 'private' || reportKey.asymmetricKeyType !== 'ed25519') {
      throw new Error(`${this.vin}: the report key must be an ed25519 private key`);
    }
    this.ecuState = opts.record.ecus.map((e) => new VirtualEcu(e));
    this.timeScale = opts.timeScale ?? 1;
    this.faults = new FaultPlan(opts.faults ?? {}, this.vin, opts.faultSeed ?? 0);
    this.driven = this.faults.startsDriven();
    this.vehicleState = { ...DEFAULT_VEHICLE_STATE, ...opts.state, ...(this.driven ? { parked: false, ignitionOn: true } : {}) };
    this.uplink = new Uplink(this.vin, reportKey, () => (this.stopped ? null : this.client), (err) => this.fail(err), () => this.now());
  }

  /** Simulated flash time factor, changeable between updates (1 = real time). */
  setTimeScale(factor: number): void {
    this.timeScale = factor;
  }

  /** The ECUs with the software they run now. */
  get ecus(): readonly EcuRecord[] {
    return this.ecuState;
  }

  /** Version of the newest root the vehicle trusts. */
  get rootVersion(): number {
    return this.root.version;
  }

  get state(): Readonly<VehicleState> {
    return this.vehicleState;
  }

  /** Changes what the vehicle reports about itself (battery, parked, ignition); the next report shows it. */
  setState(change: Partial<VehicleState>): void {
    this.vehicleState = { ...this.vehicleState, ...change };
  }

  get stats(): VehicleStats {
    return { ...this.counters, state: this.activity };
  }

  /** The most advanced activity of any execution. */
  get activity(): VehicleActivity {
    let best = 0;
    for (const x of this.executions.values()) best = Math.max(best, ACTIVITY_ORDER.indexOf(x.activity));
    return ACTIVITY_ORDER[best]!;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /**
   * Connects, subscribes to its downlink topics and reports its versions. Rejects if the gateway refuses.
   * `report: false` stops after the subscriptions, for a caller that times the handshake alone and then
   * calls report(); the gateway offers nothing to a vehicle before its first report of the session.
   */
  async start(opts: { report?: boolean } = {}): Promise<void> {
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
    if (opts.report ?? true) await this.report();
  }

  /** Ends the session with a DISCONNECT; drops any download (a flash in progress never reports). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reportRetry) clearTimeout(this.reportRetry);
    this.reportRetry = null;
    for (const x of this.executions.values()) x.drop();
    this.executions.clear();
    const client = this.client;
    this.client = null;
    if (client) await closeSession(client);
  }

  /** Publishes a signed version report with a fresh nonce: at connect, at every reconnect, after every install. */
  report(): Promise<void> {
    return this.uplink.report({ ecus: this.ecuState, state: this.vehicleState, rootVersion: this.root.version, nonce: this.replay.freshNonce() });
  }

  private async onReconnect(): Promise<void> {
    this.counters.reconnects++;
    await this.report();
    for (const x of this.executions.values()) x.resend();
  }

  /** Never throws: whatever arrives, a bad message changes nothing but a counter. */
  private onMessage(topic: string, payload: Buffer): void {
    const prefix = `ota/v1/${this.vin}/`;
    const suffix = topic.startsWith(prefix) ? topic.slice(prefix.length) : '';
    // Uptane endless data: every downlink is size-capped before it is decoded.
    const cap = (MAX_DOWNLINK_BYTES as Record<string, number | undefined>)[suffix];
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
    const now = this.now();
    const opened = openOffer(payload, this.root, now);
    // A root that chained is trusted whatever the manifest turns out to be; later reports carry its version.
    if (opened.root && opened.root.version > this.root.version) this.root = opened.root;
    if (!opened.ok) {
      // Tell the gateway which offer failed, but let an untrusted claim neither end nor pre-empt a real one.
      const claim = unverifiedClaim(payload);
      if (!claim || this.executions.has(claim.executionId)) return void this.counters.ignoredMessages++;
      const named = this.ecuState.filter((e) => claim.ecuSerials.includes(e.serial));
      return this.finish(claim.executionId, opened.code, opened.description, unchanged(named, opened.code, opened.description), null);
    }
    const { manifest } = opened;
    // A verified offer echoes a report the gateway stored: it reads our reports again.
    this.reportRetryMs = REPORT_RETRY_MIN_MS;
    const id = manifest.executionId;
    const attempt = manifest.attempt;
    // MQTT QoS 1 redelivers: a running offer is ignored, an answered one gets the same answer, before the
    // freshness checks would call it a replay. A retry after a transient failure counts the attempt up.
    if (this.executions.has(id)) return;
    const earlier = this.results.answerFor(id, attempt);
    if (earlier) return this.uplink.result(earlier);
    const verdict = checkManifest(manifest, { vin: this.vin, ecus: this.ecuState, replay: this.replay }, this.root, now);
    if (verdict.ok || verdict.counterConsumed) this.replay.useCounter(u64(manifest.counter));
    if (!verdict.ok) return this.finish(id, verdict.code, verdict.description, unchanged(verdict.ecus, verdict.code, verdict.description), attempt);
    const ecus = verdict.targets.map((t) => t.ecu);
    const refuse = (code: ota.v1.ResultCode, description: string) => this.finish(id, code, description, unchanged(ecus, code, description), attempt);
    // The driver is asked only when the signed manifest says so; a forced update is not negotiable.
    const refusal = manifest.consentRequired ? this.faults.consentRefusal(attempt) : null;
    if (refusal) return refuse(refusal.code, refusal.description);
    const busy = ecus.find((ecu) => [...this.executions.values()].some((x) => x.ecus.includes(ecu)));
    if (busy) return refuse(C.BUSY, `another update of ${busy.serial} is in progress`);
    this.startDownload(id, attempt, manifest, verdict.targets);
  }

  private startDownload(id: string, attempt: number, manifest: ota.v1.UpdateManifest, targets: AcceptedTarget<VirtualEcu>[]): void {
    const x = new UpdateExecution(id, attempt, manifest, targets, {
      uplink: this.uplink,
      faults: this.faults,
      defaultWindow: this.opts.chunkWindow ?? 4,
      chunkTimeoutMs: this.opts.chunkTimeoutMs ?? 10_000,
      dropLink: () => this.client?.stream.destroy(),
      counted: (kind, bytes) => {
        if (kind === 'ignored') return void this.counters.ignoredMessages++;
        this.counters.chunksReceived++;
        this.counters.bytesReceived += bytes;
      },
      downloaded: (done, outcome) => void this.onDownloadEnd(done, outcome).catch((err: unknown) => this.fail(err)),
    });
    this.executions.set(id, x);
    this.emit('download', { executionId: id, attempt });
    x.start();
  }

  /**
   * A chunk names its image, not an execution (the gateway sends every vehicle the same message): it goes to
   * the execution downloading that image, if any. A chunk that does name an execution goes to that one only.
   */
  private onChunk(chunk: ota.v1.Chunk): void {
    const takers = this.takersOf(chunk);
    if (takers.length === 0) return void this.counters.ignoredMessages++;
    for (const x of takers) x.onChunk(chunk);
  }

  private takersOf(chunk: ota.v1.Chunk): UpdateExecution[] {
    if (chunk.executionId) {
      const named = this.executions.get(chunk.executionId);
      return named?.activity === 'downloading' ? [named] : [];
    }
    if (chunk.imageSha256.length === 0) return [];
    return [...this.executions.values()].filter((x) => x.wants(chunk.imageSha256));
  }

  private async onDownloadEnd(x: UpdateExecution, outcome: DownloadOutcome): Promise<void> {
    if (this.executions.get(x.executionId) !== x) return;
    if (!outcome.ok) return this.finish(x.executionId, outcome.code, outcome.description, unchanged(x.ecus, outcome.code, outcome.description), x.attempt);
    const installed = await x.install({
      state: this.vehicleState,
      timeScale: this.timeScale,
      stillWanted: () => this.executions.get(x.executionId) === x && !this.stopped,
    });
    if ('abandoned' in installed) return;
    if (installed.code === C.OK) this.counters.flashes++;
    await this.finish(x.executionId, installed.code, installed.description, installed.ecus, x.attempt);
    if (installed.code !== C.PRECONDITIONS_NOT_MET) return this.report(); // the ECUs may run something else now
    if (this.driven) {
      this.driven = false; // the 'not-parked' fault: the driver parks and switches off, and the vehicle says so
      this.setState({ parked: true, ignitionOn: false });
      await this.report();
    }
  }

  /**
   * Ends an execution: the result is published and, unless it answers an untrusted claim (attempt null),
   * remembered for redelivered offers.
   */
  private async finish(executionId: string, code: ota.v1.ResultCode, description: string, ecus: ota.v1.IEcuResult[], attempt: number | null): Promise<void> {
    const x = this.executions.get(executionId);
    if (x) {
      x.drop();
      this.executions.delete(executionId);
    }
    const result: ota.v1.IInstallResult = {
      executionId,
      success: code === C.OK || code === C.ALREADY_PROCESSED,
      code,
      description,
      bytesReceived: x ? x.download.bytes : 0,
      ecus,
      attempt: attempt ?? 0,
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
    const description = `cancelled: ${request.reason}`;
    const ecus = x ? unchanged(x.ecus, C.OPERATION_CANCELLED, description) : [];
    await this.finish(id, C.OPERATION_CANCELLED, description, ecus, x?.attempt ?? 0);
  }

  private onRejected(rejection: ota.v1.Rejection): void {
    this.counters.rejections++;
    this.emit('rejected', rejection);
    // The gateway could not take it (e.g. its database was down): send the result again a little later.
    if (rejection.reason === 'OTA_ERR_UNAVAILABLE' && rejection.executionId) {
      const result = this.results.get(rejection.executionId);
      if (result) setTimeout(() => void this.uplink.result(result), 1000).unref();
    }
    // A report it could not store: its versions and nonce are what the next offer depends on, so a fresh
    // report (new counter and nonce, the same would be a replay) follows, with a jittered backoff so that a
    // fleet does not hammer a gateway whose database is coming back. One pending at a time.
    if (rejection.reason === 'OTA_ERR_UNAVAILABLE' && rejection.topic.endsWith(`/${UPLINK.report}`) && !this.reportRetry && !this.stopped) {
      const delay = this.reportRetryMs * (0.8 + 0.4 * Math.random());
      this.reportRetryMs = Math.min(this.reportRetryMs * 2, REPORT_RETRY_MAX_MS);
      this.reportRetry = setTimeout(() => {
        this.reportRetry = null;
        if (!this.stopped) void this.report().catch((err: unknown) => this.fail(err));
      }, delay);
      this.reportRetry.unref();
      this.counters.reportRetries++;
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
