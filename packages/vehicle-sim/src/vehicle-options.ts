import type { KeyObject } from 'node:crypto';
import type { IClientOptions, MqttClient } from 'mqtt';
import type { VehicleRecord } from './fleet-data.js';
import type { FaultRates } from './faults.js';
import type { VehicleState } from './preconditions.js';

export interface VirtualVehicleOptions {
  record: VehicleRecord;
  /** e.g. mqtts://127.0.0.1:8883 */
  gatewayUrl: string;
  tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer; servername?: string };
  /** Signed{RootMetadata} version 1 as installed at manufacturing: the vehicle's root of trust. */
  trustRoot: Uint8Array;
  /** ed25519 private key signing version reports; simulatedReportKey(vin) unless given. */
  reportKey?: KeyObject;
  /** What the vehicle reports for preconditions; battery 90 %, parked, ignition off unless given. */
  state?: Partial<VehicleState>;
  /** Simulated flash time factor: 1 is real time. */
  timeScale?: number;
  /** Chunk requests kept in flight when the manifest does not say (default 4). */
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
  /** Executions installed successfully. */
  flashes: number;
  /** Fresh version reports sent because the gateway could not store one (OTA_ERR_UNAVAILABLE). */
  reportRetries: number;
  state: VehicleActivity;
}
