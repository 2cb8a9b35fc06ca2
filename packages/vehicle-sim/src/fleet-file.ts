import { simulatedReportPublicKeyPem } from './vehicle-keys.js';
import type { FaultKind, FaultRates } from './faults.js';
import type { FlashTiming } from './flash-model.js';
import type { BusName, EcuRecord, VehicleRecord } from './fleet-data.js';
import { pick, seededRandom } from './random.js';
import { randomVin } from './vin.js';

/** A value drawn per vehicle: one fixed value, or weighted alternatives. */
export type Weighted<K extends string> = string | ({ [key in K]: string } & { weight: number })[];

/** One ECU of a model's layout, as a fleet file describes it. */
export interface EcuSpec {
  module: string;
  bus: BusName;
  hardwareId: Weighted<'id'>;
  softwareVersion: Weighted<'version'>;
  calibration?: string;
  /** Serials are PREFIX-<VIN tail>-<index>; the module in capitals when absent. */
  serialPrefix?: string;
  /** Size of a full image for this ECU, bytes: what a rehearsal uploads when it targets this module. */
  imageSize?: number;
  /** A/B writes the inactive bank and switches at reset; single bank erases in place. */
  bank?: 'ab' | 'single';
  flash?: FlashTiming;
}

export interface ModelSpec {
  name: string;
  /** World manufacturer identifier, the VIN's first three characters. */
  wmi: string;
  weight: number;
  ecus: EcuSpec[];
  /** Fault rates for this model, over the fleet's. */
  faults?: FaultRates;
}

export interface RegionSpec {
  name: string;
  weight: number;
  /** IANA time zones, drawn with equal weight unless weighted. */
  timeZones: Weighted<'zone'> | string[];
}

export interface BatteryProfile {
  name: string;
  weight: number;
  /** Share of these vehicles whose battery is too low at the first flash attempt (fault 'low-battery'). */
  lowBatteryRate?: number;
}

export interface LinkProfile {
  name: string;
  weight: number;
  /** Added to every message the vehicle receives. */
  latencyMs?: number;
  /** Downlink bandwidth; unlimited when absent. */
  bandwidthKBps?: number;
  /** Share of these vehicles whose link drops once mid-download (fault 'disconnect'). */
  dropRate?: number;
}

export interface FleetDescription {
  name?: string;
  models: ModelSpec[];
  regions: RegionSpec[];
  battery?: BatteryProfile[];
  links?: LinkProfile[];
  /** Fault rates for every vehicle; a model's own rates take precedence. */
  faults?: FaultRates;
}

/** One vehicle of a described fleet: what the admin API imports, plus what only the simulator knows. */
export interface FleetMember {
  record: VehicleRecord;
  /** Per ECU, in the record's order. */
  ecus: { imageSize?: number; bank: 'ab' | 'single'; flash?: FlashTiming }[];
  battery: string;
  link: LinkProfile | null;
  faults: FaultRates;
}

const ZONES: Record<string, string[]> = {
  EU: ['Europe/Berlin', 'Europe/Paris', 'Europe/London'],
  NA: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'],
  APAC: ['Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney'],
};

/**
 * The fleet the simulator has always built: three models, three regions, and in every vehicle a body
 * controller on CAN, a driver-assistance unit on CAN FD and a seat module on LIN. `hardwareMix` is the share
 * of body controllers on the older BCM-H1 hardware.
 */
export function defaultFleetDescription(hardwareMix = 0): FleetDescription {
  const ecus: EcuSpec[] = [
    { module: 'bcm', bus: 'CAN', hardwareId: [{ id: 'BCM-H1', weight: hardwareMix }, { id: 'BCM-H2', weight: 1 - hardwareMix }], softwareVersion: '1.4.2', calibration: 'CAL-BCM-07', imageSize: 512 * 1024 },
    { module: 'adas', bus: 'CAN_FD', hardwareId: 'ADAS-C1', softwareVersion: '3.1.0', calibration: 'CAL-ADAS-02', imageSize: 1024 * 1024 },
    { module: 'seat', bus: 'LIN', hardwareId: 'SEAT-L1', softwareVersion: '0.9.4', calibration: '', imageSize: 32 * 1024 },
  ];
  return {
    name: 'default',
    models: [
      { name: 'Aster', wmi: 'W0A', weight: 1, ecus },
      { name: 'Borealis', wmi: 'W0B', weight: 1, ecus },
      { name: 'Cirrus', wmi: 'W0C', weight: 1, ecus },
    ],
    regions: Object.entries(ZONES).map(([name, timeZones]) => ({ name, weight: 1, timeZones })),
  };
}

/**
 * A reproducible fleet from a description: the same description and seed give the same VINs, serials,
 * versions and profiles. Records come from one random stream and profiles from another, so adding battery
 * or link profiles to a file does not change its VINs.
 */
export function generateFromDescription(desc: FleetDescription, opts: { count: number; seed: number }): FleetMember[] {
  const random = seededRandom(opts.seed);
  const profileRandom = seededRandom((opts.seed ^ 0x5f3759df) >>> 0);
  const seen = new Set<string>();
  const fleet: FleetMember[] = [];
  while (fleet.length < opts.count) {
    const model = weighted(random, desc.models, (m) => m.weight);
    const vin = randomVin(random, model.wmi);
    if (seen.has(vin)) continue;
    seen.add(vin);
    const n = fleet.length;
    const tail = vin.slice(-6);
    const region = weighted(random, desc.regions, (r) => r.weight);
    const timeZone = draw(random, region.timeZones as Weighted<'zone'>, 'zone');
    const ecus: EcuRecord[] = model.ecus.map((e) => ({
      module: e.module,
      serial: `${e.serialPrefix ?? e.module.toUpperCase()}-${tail}-${n}`,
      hardwareId: draw(random, e.hardwareId, 'id'),
      bus: e.bus,
      softwareVersion: draw(random, e.softwareVersion, 'version'),
      calibration: e.calibration ?? '',
      ...(e.bank === 'single' ? { dualBank: false } : {}),
    }));
    const battery = desc.battery?.length ? weighted(profileRandom, desc.battery, (b) => b.weight) : null;
    const link = desc.links?.length ? weighted(profileRandom, desc.links, (l) => l.weight) : null;
    fleet.push({
      record: {
        vin,
        engineNumber: `EN${model.name.slice(0, 2).toUpperCase()}${tail}`,
        chassisNumber: `CH${vin.slice(3, 8)}${tail}`,
        model: model.name,
        region: region.name,
        timeZone,
        reportPublicKey: simulatedReportPublicKeyPem(vin),
        ecus,
      },
      ecus: model.ecus.map((e) => ({
        ...(e.imageSize !== undefined ? { imageSize: e.imageSize } : {}),
        bank: e.bank ?? 'ab',
        ...(e.flash ? { flash: e.flash } : {}),
      })),
      battery: battery?.name ?? 'healthy',
      link,
      faults: vehicleFaults(desc, model, battery, link),
    });
  }
  return fleet;
}

/** A vehicle from a plain record list (as `vehicle-sim fleet` writes): no profiles, bus-default timings. */
export function plainMember(record: VehicleRecord): FleetMember {
  return { record, ecus: record.ecus.map((e) => ({ bank: e.dualBank === false ? 'single' : 'ab' })), battery: 'healthy', link: null, faults: {} };
}

/**
 * One vehicle's fault rates: the fleet's, then its model's; a weak battery and a dropping link raise
 * 'low-battery' and 'disconnect' to at least their profile's rate.
 */
export function vehicleFaults(desc: FleetDescription, model: ModelSpec, battery: BatteryProfile | null, link: LinkProfile | null): FaultRates {
  const rates: FaultRates = { ...desc.faults, ...model.faults };
  const atLeast = (kind: FaultKind, rate: number | undefined) => {
    if (rate !== undefined && rate > (rates[kind] ?? 0)) rates[kind] = rate;
  };
  atLeast('low-battery', battery?.lowBatteryRate);
  atLeast('disconnect', link?.dropRate);
  return rates;
}

/** Weighted choice; equal weights draw exactly as `pick` does, so the default fleet keeps its VINs. */
function weighted<T>(random: () => number, items: readonly T[], weightOf: (item: T) => number): T {
  const first = weightOf(items[0]!);
  if (items.every((i) => weightOf(i) === first)) return pick(random, items);
  const total = items.reduce((s, i) => s + weightOf(i), 0);
  let x = random() * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  return [...items].reverse().find((i) => weightOf(i) > 0)!; // rounding left x at the total
}

/** A fixed string costs no random draw; a list of strings is an equal-weight choice. */
function draw<K extends string>(random: () => number, value: Weighted<K> | string[], key: K): string {
  if (typeof value === 'string') return value;
  if (value.every((v) => typeof v === 'string')) return pick(random, value as string[]);
  const options = value as ({ [k in K]: string } & { weight: number })[];
  return weighted(random, options, (o) => o.weight)[key];
}
