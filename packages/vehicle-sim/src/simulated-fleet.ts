import { EventEmitter } from 'node:events';
import type { KeyObject } from 'node:crypto';
import type { ota } from '@ota/proto';
import type { VehicleRecord } from './fleet-data.js';
import { VirtualVehicle } from './virtual-vehicle.js';
import type { FaultRates } from './faults.js';

export interface SimulatedFleetOptions {
  records: readonly VehicleRecord[];
  gatewayUrl: string;
  ca: string | Buffer;
  credentialsFor: (vin: string) => { cert: string | Buffer; key: string | Buffer };
  trustedKeys: ReadonlyMap<string, KeyObject>;
  timeScale?: number;
  chunkWindow?: number;
  /** Vehicles connecting per second: a ramp, not a thundering herd. */
  connectRatePerSecond?: number;
  faults?: FaultRates;
  faultSeed?: number;
}

/** Many virtual vehicles, started with a connect ramp and stopped together. */
export class SimulatedFleet extends EventEmitter {
  readonly vehicles: VirtualVehicle[];

  constructor(private readonly opts: SimulatedFleetOptions) {
    super();
    this.vehicles = opts.records.map((record) => {
      const creds = opts.credentialsFor(record.vin);
      const vehicle = new VirtualVehicle({
        record,
        gatewayUrl: opts.gatewayUrl,
        tls: { ca: opts.ca, cert: creds.cert, key: creds.key },
        trustedKeys: opts.trustedKeys,
        ...(opts.timeScale !== undefined ? { timeScale: opts.timeScale } : {}),
        ...(opts.chunkWindow !== undefined ? { chunkWindow: opts.chunkWindow } : {}),
        ...(opts.faults ? { faults: opts.faults, faultSeed: opts.faultSeed ?? 0 } : {}),
      });
      vehicle.on('result', (result: ota.v1.IInstallResult) => this.emit('result', { vin: record.vin, result }));
      // Transport errors surface as reconnects in stats; one vehicle's trouble is not the fleet's.
      vehicle.on('error', () => {});
      return vehicle;
    });
  }

  /** Connects every vehicle, at most `connectRatePerSecond` a second; rejects if any is refused. */
  async start(): Promise<void> {
    const rate = this.opts.connectRatePerSecond ?? 200;
    const started: Promise<void>[] = [];
    for (let i = 0; i < this.vehicles.length; i++) {
      started.push(this.vehicles[i]!.start());
      if ((i + 1) % rate === 0) await new Promise((r) => setTimeout(r, 1000));
    }
    await Promise.all(started);
  }

  async stop(): Promise<void> {
    await Promise.all(this.vehicles.map((v) => v.stop()));
  }

  get stats() {
    const total = { connected: 0, bytesReceived: 0, chunksReceived: 0, results: 0, rejections: 0, reconnects: 0 };
    for (const v of this.vehicles) {
      const s = v.stats;
      if (v.connected) total.connected++;
      total.bytesReceived += s.bytesReceived;
      total.chunksReceived += s.chunksReceived;
      total.results += s.results;
      total.rejections += s.rejections;
      total.reconnects += s.reconnects;
    }
    return total;
  }
}
