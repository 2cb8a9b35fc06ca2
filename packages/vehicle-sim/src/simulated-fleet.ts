import { EventEmitter } from 'node:events';
import { createSecureContext, type SecureContext, type SecureContextOptions } from 'node:tls';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { ota } from '@ota/proto';
import type { VehicleRecord } from './fleet-data.js';
import type { FaultRates } from './faults.js';
import { plainMember, type FleetMember } from './fleet-file.js';
import { shapeLink } from './link-shaper.js';
import { VirtualVehicle, type VehicleActivity } from './virtual-vehicle.js';

export interface SimulatedFleetOptions {
  /** Plain records (every vehicle alike), or `members` from a fleet file, with profiles and ECU timings. */
  records?: readonly VehicleRecord[];
  members?: readonly FleetMember[];
  gatewayUrl: string;
  ca: string | Buffer;
  credentialsFor: (vin: string) => { cert: string | Buffer; key: string | Buffer };
  /** Signed{RootMetadata} version 1, installed in every vehicle at manufacturing. */
  trustRoot: Uint8Array;
  timeScale?: number;
  chunkWindow?: number;
  chunkTimeoutMs?: number;
  /** Vehicles connecting per second: a ramp, not a thundering herd of TLS handshakes. */
  connectRatePerSecond?: number;
  /** Fault rates for every vehicle, over any a fleet file gives it (e.g. `--inject`). */
  faults?: FaultRates;
  faultSeed?: number;
  /** Base of the jittered, backed-off wait before reconnecting (mqtt-session.ts). */
  reconnectPeriodMs?: number;
  /** Opens each vehicle's MQTT connection; mqtt.connect unless a test plays the broker. */
  connect?: (url: string, options: IClientOptions) => MqttClient;
}

export interface FleetStats {
  connected: number;
  bytesReceived: number;
  chunksReceived: number;
  results: number;
  rejections: number;
  reconnects: number;
  /** Results by ResultCode name, e.g. { OK: 18, HASH_MISMATCH: 2 }. */
  resultsByCode: Record<string, number>;
  /** Vehicles by what they are doing now. */
  byActivity: Record<VehicleActivity, number>;
}

/**
 * Many virtual vehicles, started with a connect ramp and stopped together.
 * Emits 'result' with { vin, result } for every InstallResult any vehicle publishes, and 'download' with
 * { vin, executionId, attempt } whenever a vehicle accepts an offer and starts its download.
 */
export class SimulatedFleet extends EventEmitter {
  readonly vehicles: VirtualVehicle[];
  private readonly byCode = new Map<string, number>();
  private stopping = false;

  constructor(private readonly opts: SimulatedFleetOptions) {
    super();
    const members = opts.members ?? (opts.records ?? []).map(plainMember);
    this.vehicles = members.map((member) => {
      const vehicle = new VirtualVehicle(vehicleOptions(member, opts));
      const vin = member.record.vin;
      vehicle.on('result', (result: ota.v1.IInstallResult) => {
        const code = ota.v1.ResultCode[result.code ?? 0] ?? `UNKNOWN_${result.code}`;
        this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
        this.emit('result', { vin, result });
      });
      vehicle.on('download', (d: { executionId: string; attempt: number }) => this.emit('download', { vin, ...d }));
      // Transport errors show as reconnects in stats; one vehicle's trouble is not the fleet's.
      vehicle.on('error', () => {});
      return vehicle;
    });
  }

  /**
   * Connects every vehicle, the i-th no earlier than i / connectRatePerSecond seconds after the first.
   * Rejects if any vehicle is refused, once all have tried.
   */
  async start(): Promise<void> {
    const rate = this.opts.connectRatePerSecond ?? 200;
    const begin = Date.now();
    // Settled as they go: a refusal while the ramp is still waiting must not become an unhandled rejection.
    const started: Promise<string | null>[] = [];
    this.stopping = false;
    for (let i = 0; i < this.vehicles.length; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
      if (this.stopping) break; // stop() during the ramp: start no more
      const vehicle = this.vehicles[i]!;
      started.push(vehicle.start().then(() => null, (err: Error) => `${vehicle.vin}: ${err.message}`));
    }
    const refused = (await Promise.all(started)).filter((r): r is string => r !== null);
    if (refused.length > 0) {
      throw new Error(`${refused.length} of ${this.vehicles.length} vehicles could not connect; first: ${refused[0]}`);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.vehicles.map((v) => v.stop()));
  }

  get stats(): FleetStats {
    const total: FleetStats = {
      connected: 0,
      bytesReceived: 0,
      chunksReceived: 0,
      results: 0,
      rejections: 0,
      reconnects: 0,
      resultsByCode: Object.fromEntries(this.byCode),
      byActivity: { idle: 0, downloading: 0, verifying: 0, installing: 0 },
    };
    for (const v of this.vehicles) {
      const s = v.stats;
      if (v.connected) total.connected++;
      total.byActivity[s.state]++;
      total.bytesReceived += s.bytesReceived;
      total.chunksReceived += s.chunksReceived;
      total.results += s.results;
      total.rejections += s.rejections;
      total.reconnects += s.reconnects;
    }
    return total;
  }
}


/**
 * The one place that knows VirtualVehicle's constructor: a fleet member and the fleet's options become one
 * vehicle's options. ECU timings ride on the ECU records; the link profile wraps the MQTT client.
 */
function vehicleOptions(member: FleetMember, opts: SimulatedFleetOptions): ConstructorParameters<typeof VirtualVehicle>[0] {
  const record = member.record;
  const creds = opts.credentialsFor(record.vin);
  const faults = { ...member.faults, ...opts.faults };
  const connect = opts.connect ?? mqtt.connect;
  // One TLS context per vehicle, made at its first connect and kept: mqtt.js would otherwise parse the key,
  // certificate and CA again at every reconnect, which is what a reconnect storm spends its CPU on.
  let context: SecureContext | undefined;
  const withContext = (o: IClientOptions): IClientOptions => {
    if (opts.connect) return o; // a test's broker needs no TLS
    context ??= createSecureContext({ ca: o.ca, cert: o.cert, key: o.key } as SecureContextOptions);
    return { ...o, secureContext: context } as IClientOptions;
  };
  return {
    record: { ...record, ecus: record.ecus.map((e, i) => ({ ...e, ...(member.ecus[i]?.flash ? { flash: member.ecus[i].flash } : {}) })) },
    gatewayUrl: opts.gatewayUrl,
    tls: { ca: opts.ca, cert: creds.cert, key: creds.key },
    trustRoot: opts.trustRoot,
    ...(opts.timeScale !== undefined ? { timeScale: opts.timeScale } : {}),
    ...(opts.chunkWindow !== undefined ? { chunkWindow: opts.chunkWindow } : {}),
    ...(opts.chunkTimeoutMs !== undefined ? { chunkTimeoutMs: opts.chunkTimeoutMs } : {}),
    ...(opts.reconnectPeriodMs !== undefined ? { reconnectPeriodMs: opts.reconnectPeriodMs } : {}),
    ...(Object.keys(faults).length > 0 ? { faults, faultSeed: opts.faultSeed ?? 0 } : {}),
    connect: (url: string, o: IClientOptions) => shapeLink(connect(url, withContext(o)), member.link),
  };
}
