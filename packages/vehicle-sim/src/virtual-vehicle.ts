import { EventEmitter } from 'node:events';
import type { KeyObject } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { DOWNLINK, MANIFEST_PAYLOAD_TYPE, ota, vehicleTopic, type UplinkSuffix } from '@ota/proto';
import { ChunkAssembler } from './chunk-assembler.js';
import type { BusName, EcuRecord, VehicleRecord } from './fleet-data.js';
import { flashDurationMs } from './flash-model.js';
import { checkManifest } from './manifest-check.js';
import { strikes, type FaultKind, type FaultRates } from './faults.js';

export interface VirtualVehicleOptions {
  record: VehicleRecord;
  /** e.g. mqtts://127.0.0.1:8883 */
  gatewayUrl: string;
  tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer; servername?: string };
  /** The director keys this vehicle trusts, by key id. */
  trustedKeys: ReadonlyMap<string, KeyObject>;
  /** Simulated flash time factor: 1 is real time. */
  timeScale?: number;
  /** Chunk requests kept in flight. */
  chunkWindow?: number;
  /** No chunk for this long: ask again (3 times), then give up. */
  chunkTimeoutMs?: number;
  reconnectPeriodMs?: number;
  now?: () => number;
  /** Injected faults, and the seed that decides which vehicles they hit. */
  faults?: FaultRates;
  faultSeed?: number;
}

export type VehicleActivity = 'idle' | 'downloading' | 'verifying' | 'installing';

const BUS_CODES: Record<BusName, ota.v1.Bus> = {
  CAN: ota.v1.Bus.CAN,
  CAN_FD: ota.v1.Bus.CAN_FD,
  LIN: ota.v1.Bus.LIN,
  ETHERNET: ota.v1.Bus.ETHERNET,
};
const MAX_CHUNK_RETRIES = 3;
const REMEMBERED_RESULTS = 16;

interface Download {
  executionId: string;
  target: ota.v1.Target;
  ecu: EcuRecord;
  assembler: ChunkAssembler;
  nextIndex: number;
  outstanding: Set<number>;
  retries: number;
  timer: NodeJS.Timeout | null;
  lastProgressDecile: number;
  disconnected: boolean;
  activity: Exclude<VehicleActivity, 'idle'>;
}

/**
 * One simulated vehicle: an MQTT client with the vehicle's own certificate, ECUs with versions, and the
 * update client that verifies, downloads, "flashes" and reports. It speaks only the wire contract.
 */
export class VirtualVehicle extends EventEmitter {
  readonly vin: string;
  private readonly ecuState: EcuRecord[];
  private client: MqttClient | null = null;
  /** One download per ECU at most; different ECUs may update at once (different campaigns). */
  private readonly downloads = new Map<string, Download>();
  private readonly finished = new Map<string, Uint8Array>();
  private readonly finishedAttempt = new Map<string, number>();
  private readonly currentAttempt = new Map<string, number>();
  private reportCounter = 0;
  private counters = { bytesReceived: 0, chunksReceived: 0, rejections: 0, results: 0, ignoredMessages: 0, reconnects: 0, flashes: 0 };
  private stopped = false;
  private timeScale: number;

  constructor(private readonly opts: VirtualVehicleOptions) {
    super();
    this.vin = opts.record.vin;
    this.ecuState = opts.record.ecus.map((e) => ({ ...e }));
    this.timeScale = opts.timeScale ?? 1;
  }

  /** Simulated flash time factor, changeable between updates (1 = real time). */
  setTimeScale(factor: number): void {
    this.timeScale = factor;
  }

  get ecus(): readonly EcuRecord[] {
    return this.ecuState;
  }

  get stats() {
    return { ...this.counters, state: this.activity };
  }

  /** The most advanced activity of any of its ECUs. */
  get activity(): VehicleActivity {
    const order: VehicleActivity[] = ['idle', 'downloading', 'verifying', 'installing'];
    let best = 0;
    for (const d of this.downloads.values()) best = Math.max(best, order.indexOf(d.activity));
    return order[best]!;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connects, subscribes to its downlink topics and reports its versions. Rejects if the gateway refuses. */
  async start(): Promise<void> {
    const client = mqtt.connect(this.opts.gatewayUrl, {
      clientId: this.vin,
      protocolVersion: 4, // aedes speaks MQTT 3.1.1
      clean: true,
      ca: this.opts.tls.ca,
      cert: this.opts.tls.cert,
      key: this.opts.tls.key,
      ...(this.opts.tls.servername ? { servername: this.opts.tls.servername } : {}),
      rejectUnauthorized: true,
      reconnectPeriod: this.opts.reconnectPeriodMs ?? 1000,
      connectTimeout: 10_000,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    client.on('error', (err) => this.emit('error', err));
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => {
        client.removeListener('connect', onConnect);
        client.end(true);
        reject(err);
      };
      const onConnect = () => {
        client.removeListener('error', onError);
        resolve();
      };
      client.once('connect', onConnect);
      client.once('error', onError);
    });
    await client.subscribeAsync(
      Object.values(DOWNLINK).map((s) => vehicleTopic(this.vin, s)),
      { qos: 1 },
    );
    client.on('connect', () => void this.onReconnect());
    await this.report();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const d of this.downloads.values()) if (d.timer) clearTimeout(d.timer);
    this.downloads.clear();
    await this.client?.endAsync(true).catch(() => {});
  }

  /** Publishes the installed versions: at connect and after every install. */
  async report(): Promise<void> {
    const payload = ota.v1.VersionReport.encode({
      vin: this.vin,
      reportCounter: ++this.reportCounter,
      sentAtMs: this.now(),
      ecus: this.ecuState.map((e) => ({
        module: e.module,
        serial: e.serial,
        hardwareId: e.hardwareId,
        bus: BUS_CODES[e.bus],
        softwareVersion: e.softwareVersion,
        calibration: e.calibration,
      })),
    }).finish();
    await this.publish('report', payload, 1);
  }

  private async onReconnect(): Promise<void> {
    this.counters.reconnects++;
    await this.report().catch(() => {});
    // Resume: ask again for what was in flight when the link dropped; verified chunks are kept.
    for (const d of this.downloads.values()) for (const index of d.outstanding) this.requestChunk(d, index);
  }

  private onMessage(topic: string, payload: Buffer): void {
    const suffix = topic.slice(`ota/v1/${this.vin}/`.length);
    try {
      if (suffix === DOWNLINK.update) void this.onOffer(payload);
      else if (suffix === DOWNLINK.chunk) this.onChunk(ota.v1.Chunk.decode(payload));
      else if (suffix === DOWNLINK.rejected) this.onRejected(ota.v1.Rejection.decode(payload));
      else if (suffix === DOWNLINK.cancel) void this.onCancel(ota.v1.CancelRequest.decode(payload));
      else this.counters.ignoredMessages++;
    } catch {
      // A message we cannot decode changes nothing; count it and carry on.
      this.counters.ignoredMessages++;
    }
  }

  private async onOffer(payload: Buffer): Promise<void> {
    const verdict = checkManifest(payload, { vin: this.vin, ecus: this.ecuState }, this.opts.trustedKeys, this.now());
    if (!verdict.ok) {
      const executionId = verdict.executionId || unverifiedExecutionId(payload);
      if (executionId) await this.finish(executionId, verdict.code, verdict.description, null);
      return;
    }
    const { manifest, target, ecu, imageSize } = verdict;
    const id = manifest.executionId;
    // A redelivered offer repeats the attempt number (answer it with the result we have); a retry after a
    // transient failure counts it up (start again).
    if (this.finished.has(id) && (this.finishedAttempt.get(id) ?? 0) < manifest.attempt) this.finished.delete(id);
    const repeat = this.finished.get(id);
    if (repeat) return void (await this.publish('result', repeat, 1));
    if (this.downloads.has(id)) return;
    this.currentAttempt.set(id, manifest.attempt);
    // The driver is asked only when the signed manifest says so; a forced update is not negotiable.
    if (manifest.consentRequired) {
      if (this.faulty('consent-decline')) return this.finish(id, ota.v1.ResultCode.CONSENT_DECLINED, 'driver declined', ecu);
      if (this.faulty('consent-postpone') && manifest.attempt <= 1) {
        return this.finish(id, ota.v1.ResultCode.CONSENT_POSTPONED, 'driver postponed', ecu);
      }
    }
    if ([...this.downloads.values()].some((other) => other.ecu.serial === ecu.serial)) {
      await this.finish(id, ota.v1.ResultCode.BUSY, `another update of ${ecu.serial} is in progress`, ecu);
      return;
    }
    const d: Download = {
      executionId: id,
      target,
      ecu,
      assembler: new ChunkAssembler({
        imageSize,
        chunkSize: target.chunkSize,
        chunkSha256: target.chunkSha256,
        imageSha256: target.imageSha256,
      }),
      nextIndex: 0,
      outstanding: new Set(),
      retries: 0,
      timer: null,
      lastProgressDecile: -1,
      disconnected: false,
      activity: 'downloading',
    };
    this.downloads.set(id, d);
    this.fillWindow(d);
  }

  private fillWindow(d: Download): void {
    const window = this.opts.chunkWindow ?? 4;
    while (d.outstanding.size < window && d.nextIndex < d.assembler.chunkCount) {
      const index = d.nextIndex++;
      if (d.assembler.has(index)) continue;
      d.outstanding.add(index);
      this.requestChunk(d, index);
    }
    this.armTimer(d);
  }

  private requestChunk(d: Download, index: number): void {
    const req = ota.v1.ChunkRequest.encode({ executionId: d.executionId, index, count: 1 }).finish();
    void this.publish('chunks/req', req, 1);
  }

  private armTimer(d: Download): void {
    if (d.timer) clearTimeout(d.timer);
    d.timer = setTimeout(() => {
      if (this.downloads.get(d.executionId) !== d) return;
      if (++d.retries > MAX_CHUNK_RETRIES) {
        void this.finish(d.executionId, ota.v1.ResultCode.DOWNLOAD_FAILED, 'no chunks arrived', d.ecu);
        return;
      }
      for (const index of d.outstanding) this.requestChunk(d, index);
      this.armTimer(d);
    }, this.opts.chunkTimeoutMs ?? 10_000);
  }

  private onChunk(chunk: ota.v1.Chunk): void {
    const d = this.downloads.get(chunk.executionId);
    if (!d) return void this.counters.ignoredMessages++;
    let data = chunk.data;
    if (chunk.index === Math.min(1, d.assembler.chunkCount - 1) && this.faulty('corrupt-chunk')) {
      data = Buffer.from(data);
      data[0]! ^= 0xff; // what a bad cellular modem or a tampering proxy would deliver
    }
    if (chunk.index === Math.floor(d.assembler.chunkCount / 2) && !d.disconnected && this.faulty('disconnect')) {
      d.disconnected = true;
      this.client?.stream.destroy(); // the link drops; mqtt.js reconnects and onReconnect() resumes
      return;
    }
    const verdict = d.assembler.accept(chunk.index, data);
    if (verdict.kind === 'duplicate') return;
    if (verdict.kind === 'refused') {
      // A bad chunk means a bad source: stop here, keep the installed software, and say why.
      void this.finish(d.executionId, verdict.code, verdict.description, d.ecu);
      return;
    }
    this.counters.chunksReceived++;
    this.counters.bytesReceived += data.length;
    d.outstanding.delete(chunk.index);
    d.retries = 0;
    this.reportProgress(d);
    if (d.assembler.complete) void this.install(d);
    else this.fillWindow(d);
  }

  private reportProgress(d: Download): void {
    const total = d.assembler.chunkCount;
    const decile = Math.floor((d.assembler.bytes / Number(d.target.imageSize)) * 10);
    if (decile === d.lastProgressDecile && d.assembler.bytes > 0 && !d.assembler.complete) return;
    d.lastProgressDecile = decile;
    const progress = ota.v1.Progress.encode({
      executionId: d.executionId,
      phase: ota.v1.Phase.DOWNLOADING,
      bytesDone: d.assembler.bytes,
      bytesTotal: d.target.imageSize,
    }).finish();
    if (total > 0) void this.publish('progress', progress, 0);
  }

  private async install(d: Download): Promise<void> {
    if (d.timer) clearTimeout(d.timer);
    d.activity = 'verifying';
    const whole = d.assembler.finish();
    if (!whole.ok) return this.finish(d.executionId, whole.code, whole.description, d.ecu);
    d.activity = 'installing';
    const installing = ota.v1.Progress.encode({
      executionId: d.executionId,
      phase: ota.v1.Phase.INSTALLING,
      bytesDone: whole.image.length,
      bytesTotal: whole.image.length,
    }).finish();
    await this.publish('progress', installing, 0);
    await new Promise((r) => setTimeout(r, flashDurationMs(d.ecu.bus, whole.image.length, this.timeScale)));
    if (this.downloads.get(d.executionId) !== d || this.stopped) return;
    if (this.faulty('low-battery') && (this.currentAttempt.get(d.executionId) ?? 1) <= 1) {
      // Checked before flashing, as an ECU's preconditions routine would: nothing was written.
      await this.finish(d.executionId, ota.v1.ResultCode.LOW_BATTERY, 'battery below the flashing threshold (injected)', d.ecu);
      return;
    }
    if (this.faulty('install-failure')) {
      // A/B: the write to the inactive bank failed verification; the active bank, and the version, stay.
      await this.finish(d.executionId, ota.v1.ResultCode.INSTALL_FAILED, 'flash verification failed (injected)', d.ecu);
      return;
    }
    this.counters.flashes++;
    d.ecu.softwareVersion = d.target.version;
    await this.finish(d.executionId, ota.v1.ResultCode.OK, `flashed ${d.target.version}`, d.ecu);
    await this.report();
  }

  /** Ends an execution: result published (and remembered, for redelivered offers), state back to idle. */
  private async finish(executionId: string, code: ota.v1.ResultCode, description: string, ecu: EcuRecord | null): Promise<void> {
    const d = this.downloads.get(executionId);
    const bytesReceived = d ? d.assembler.bytes : 0;
    if (d) {
      if (d.timer) clearTimeout(d.timer);
      this.downloads.delete(executionId);
    }
    const success = code === ota.v1.ResultCode.OK || code === ota.v1.ResultCode.ALREADY_PROCESSED;
    const result: ota.v1.IInstallResult = {
      executionId,
      success,
      code,
      description,
      bytesReceived,
      ecus: ecu ? [{ ecuSerial: ecu.serial, code, description, softwareVersion: ecu.softwareVersion }] : [],
    };
    const encoded = ota.v1.InstallResult.encode(result).finish();
    this.finished.set(executionId, encoded);
    this.finishedAttempt.set(executionId, this.currentAttempt.get(executionId) ?? 0);
    if (this.finished.size > REMEMBERED_RESULTS) {
      const oldest = this.finished.keys().next().value!;
      this.finished.delete(oldest);
      this.finishedAttempt.delete(oldest);
      this.currentAttempt.delete(oldest);
    }
    this.counters.results++;
    this.emit('result', result);
    await this.publish('result', encoded, 1);
  }

  /** Stops a download that has not reached flashing; a running flash is never interrupted. */
  private async onCancel(request: ota.v1.CancelRequest): Promise<void> {
    const id = request.executionId;
    const earlier = this.finished.get(id);
    if (earlier) return void (await this.publish('result', earlier, 1));
    const d = this.downloads.get(id);
    if (d?.activity === 'installing') return; // its result will come
    const ecu = d ? d.ecu : null;
    await this.finish(id, ota.v1.ResultCode.OPERATION_CANCELLED, `cancelled: ${request.reason}`, ecu);
  }

  private faulty(kind: FaultKind): boolean {
    return strikes(this.opts.faults ?? {}, kind, this.vin, this.opts.faultSeed ?? 0);
  }

  private onRejected(rejection: ota.v1.Rejection): void {
    this.counters.rejections++;
    this.emit('rejected', rejection);
    // The gateway could not take it (e.g. its database was down): send the result again a little later.
    if (rejection.reason === 'OTA_ERR_UNAVAILABLE' && rejection.executionId) {
      const result = this.finished.get(rejection.executionId);
      if (result) setTimeout(() => void this.publish('result', result, 1), 1000).unref();
    }
  }

  private async publish(suffix: UplinkSuffix, payload: Uint8Array, qos: 0 | 1): Promise<void> {
    const client = this.client;
    if (!client || this.stopped) return;
    try {
      await client.publishAsync(vehicleTopic(this.vin, suffix), Buffer.from(payload), { qos });
    } catch (err) {
      this.emit('error', err);
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}

/** The execution id of a manifest whose signature failed: used only to tell the gateway which offer we refused. */
function unverifiedExecutionId(payload: Buffer): string {
  try {
    const envelope = ota.v1.Signed.decode(payload);
    if (envelope.payloadType !== MANIFEST_PAYLOAD_TYPE) return '';
    return ota.v1.UpdateManifest.decode(envelope.payload).executionId;
  } catch {
    return '';
  }
}
