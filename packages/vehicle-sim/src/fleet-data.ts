import { pick, seededRandom } from './random.js';
import { simulatedReportPublicKeyPem } from './vehicle-keys.js';
import { randomVin } from './vin.js';

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

const MODELS = [
  { name: 'Aster', wmi: 'W0A' },
  { name: 'Borealis', wmi: 'W0B' },
  { name: 'Cirrus', wmi: 'W0C' },
];
const REGIONS = ['EU', 'NA', 'APAC'];
const ZONES: Record<string, string[]> = {
  EU: ['Europe/Berlin', 'Europe/Paris', 'Europe/London'],
  NA: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'],
  APAC: ['Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney'],
};

/**
 * A reproducible fleet: the same options give the same VINs, serials and versions. Every vehicle has three
 * ECUs on three buses: a body controller on CAN, a driver-assistance unit on CAN FD and a seat module on LIN.
 */
export function generateFleet(opts: FleetOptions): VehicleRecord[] {
  const random = seededRandom(opts.seed);
  const seen = new Set<string>();
  const fleet: VehicleRecord[] = [];
  while (fleet.length < opts.count) {
    const model = pick(random, MODELS);
    const vin = randomVin(random, model.wmi);
    if (seen.has(vin)) continue;
    seen.add(vin);
    const n = fleet.length;
    const tail = vin.slice(-6);
    const region = pick(random, REGIONS);
    fleet.push({
      vin,
      engineNumber: `EN${model.name.slice(0, 2).toUpperCase()}${tail}`,
      chassisNumber: `CH${vin.slice(3, 8)}${tail}`,
      model: model.name,
      region,
      timeZone: pick(random, ZONES[region]!),
      reportPublicKey: simulatedReportPublicKeyPem(vin),
      ecus: [
        {
          module: 'bcm',
          serial: `BCM-${tail}-${n}`,
          hardwareId: random() < (opts.hardwareMix ?? 0) ? 'BCM-H1' : 'BCM-H2',
          bus: 'CAN',
          softwareVersion: '1.4.2',
          calibration: 'CAL-BCM-07',
        },
        {
          module: 'adas',
          serial: `ADAS-${tail}-${n}`,
          hardwareId: 'ADAS-C1',
          bus: 'CAN_FD',
          softwareVersion: '3.1.0',
          calibration: 'CAL-ADAS-02',
        },
        {
          module: 'seat',
          serial: `SEAT-${tail}-${n}`,
          hardwareId: 'SEAT-L1',
          bus: 'LIN',
          softwareVersion: '0.9.4',
          calibration: '',
        },
      ],
    });
  }
  return fleet;
}
