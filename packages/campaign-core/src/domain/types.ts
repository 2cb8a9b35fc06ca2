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
  image: StoredImage | null;
}

export interface StoredImage {
  sha256: Buffer;
  size: number;
  chunkSize: number;
  chunkHashes: Buffer[];
}
