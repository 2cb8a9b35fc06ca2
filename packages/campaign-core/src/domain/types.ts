export const BUSES = ['CAN', 'CAN_FD', 'LIN', 'ETHERNET'] as const;
export type Bus = (typeof BUSES)[number];

export interface Ecu {
  serial: string;
  module: string;
  hardwareId: string;
  bus: Bus;
  softwareVersion: string;
  calibration: string;
}

export interface Vehicle {
  vin: string;
  engineNumber: string;
  chassisNumber: string;
  model: string;
  region: string;
  /** IANA time zone, for maintenance windows. */
  timeZone?: string;
  /** The vehicle's ed25519 report-signing key, SPKI PEM, registered at provisioning. */
  reportPublicKey?: string;
  ecus: Ecu[];
}

export interface SoftwareUpdate {
  id: string;
  name: string;
  version: string;
  module: string;
  bus: Bus;
  hardwareIds: string[];
  /** Empty means every model. */
  vehicleModels: string[];
  /** Anti-rollback counter (Uptane release counter): an ECU never installs a lower one unless told, signed. */
  releaseCounter: number;
  /** Other ECUs this update needs at given versions; within a bundle they are flashed first. */
  requires: { module: string; range: string }[];
  image: StoredImage | null;
  /** Signed{ReleaseEntry} bytes, by the offline release key; an update without one cannot be offered. */
  releaseEnvelope: Buffer | null;
}

export interface StoredImage {
  sha256: Buffer;
  size: number;
  chunkSize: number;
  chunkHashes: Buffer[];
}
