import { defaultFleetDescription, generateFromDescription } from './fleet-file.js';

export type BusName = 'CAN' | 'CAN_FD' | 'LIN' | 'ETHERNET';

/** One ECU as manufacturing delivers it; the shape the admin API imports. */
export interface EcuRecord {
  module: string;
  serial: string;
  hardwareId: string;
  bus: BusName;
  softwareVersion: string;
  calibration: string;
  /** A/B flash banks (the default): an update writes the inactive bank, so the old image survives a failure. */
  dualBank?: boolean;
  /** Release counter of the installed image (default 0); the ECU never installs a lower one (anti-rollback). */
  releaseCounter?: number;
}

export interface VehicleRecord {
  vin: string;
  engineNumber: string;
  chassisNumber: string;
  model: string;
  region: string;
  /** IANA time zone of the vehicle's home market. */
  timeZone: string;
  /** The ed25519 key the vehicle signs its version reports with, SPKI PEM, registered at provisioning. */
  reportPublicKey?: string;
  ecus: EcuRecord[];
}

export interface FleetOptions {
  count: number;
  seed: number;
  /** Share of body controllers on the older BCM-H1 hardware, which the default update does not support. */
  hardwareMix?: number;
}

/**
 * A reproducible fleet: the same options give the same VINs, serials and versions. Every vehicle has three
 * ECUs on three buses: a body controller on CAN, a driver-assistance unit on CAN FD and a seat module on LIN.
 * Fleets of other shapes come from a fleet file (fleet-file.ts).
 */
export function generateFleet(opts: FleetOptions): VehicleRecord[] {
  return generateFromDescription(defaultFleetDescription(opts.hardwareMix ?? 0), opts).map((m) => m.record);
}
