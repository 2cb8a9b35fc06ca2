/** One vehicle as `POST /v1/vehicles/import` takes it (the route's schema refuses any other field). */
export interface ManufacturingRecord {
  vin: string;
  engineNumber: string;
  chassisNumber: string;
  model: string;
  region: string;
  timeZone?: string;
  reportPublicKey?: string;
  ecus: { module: string; serial: string; hardwareId: string; bus: string; softwareVersion: string; calibration?: string }[];
}

/**
 * The fields of a record the import takes: a fleet file's records carry more (banks, timings, profiles)
 * that stay with the simulator.
 */
export function toManufacturingImport(v: ManufacturingRecord): ManufacturingRecord {
  return {
    vin: v.vin,
    engineNumber: v.engineNumber,
    chassisNumber: v.chassisNumber,
    model: v.model,
    region: v.region,
    ...(v.timeZone ? { timeZone: v.timeZone } : {}),
    ...(v.reportPublicKey ? { reportPublicKey: v.reportPublicKey } : {}),
    ecus: v.ecus.map((e) => ({
      module: e.module,
      serial: e.serial,
      hardwareId: e.hardwareId,
      bus: e.bus,
      softwareVersion: e.softwareVersion,
      ...(e.calibration !== undefined ? { calibration: e.calibration } : {}),
    })),
  };
}
