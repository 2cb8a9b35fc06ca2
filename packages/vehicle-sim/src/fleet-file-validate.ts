import { FAULT_KINDS, type FaultRates } from './faults.js';
import type { FleetDescription } from './fleet-file.js';

/** A fleet file that cannot be used; the message names the file and the field. */
export class FleetFileError extends Error {}

const BUSES = ['CAN', 'CAN_FD', 'LIN', 'ETHERNET'];
const WMI = /^[A-HJ-NPR-Z0-9]{3}$/; // ISO 3780: no I, O or Q
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const TIMING_FIELDS = ['busBytesPerS', 'setupMs', 'eraseBytesPerS', 'verifyBytesPerS', 'verifyFixedMs', 'resetMs'];

type Obj = Record<string, unknown>;

/** Parses and checks a fleet file (JSON). Every error names the field, e.g. `models[1].ecus[0].bus`. */
export function parseFleetDescription(text: string, source: string): FleetDescription {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FleetFileError(`${source} is not JSON: ${(err as Error).message}`);
  }
  try {
    return validateFleetDescription(value);
  } catch (err) {
    if (err instanceof FleetFileError) throw new FleetFileError(`${source}: ${err.message}`);
    throw err;
  }
}

export function validateFleetDescription(value: unknown): FleetDescription {
  const root = object(value, 'the fleet description', ['name', 'models', 'regions', 'battery', 'links', 'faults', '$comment']);
  if (root.name !== undefined) text(root.name, 'name');
  list(root.models, 'models', true).forEach((m, i) => model(m, `models[${i}]`));
  unique(root.models as Obj[], 'name', 'models');
  list(root.regions, 'regions', true).forEach((r, i) => {
    const path = `regions[${i}]`;
    const o = object(r, path, ['name', 'weight', 'timeZones']);
    name(o.name, `${path}.name`);
    weight(o.weight, `${path}.weight`);
    weighted(o.timeZones, `${path}.timeZones`, 'zone', zone, true);
  });
  unique(root.regions as Obj[], 'name', 'regions');
  weightsPositive(root.models as Obj[], 'models');
  weightsPositive(root.regions as Obj[], 'regions');
  if (root.battery !== undefined) {
    list(root.battery, 'battery', true).forEach((b, i) => {
      const o = object(b, `battery[${i}]`, ['name', 'weight', 'lowBatteryRate']);
      name(o.name, `battery[${i}].name`);
      weight(o.weight, `battery[${i}].weight`);
      if (o.lowBatteryRate !== undefined) share(o.lowBatteryRate, `battery[${i}].lowBatteryRate`);
    });
    weightsPositive(root.battery as Obj[], 'battery');
  }
  if (root.links !== undefined) {
    list(root.links, 'links', true).forEach((l, i) => {
      const path = `links[${i}]`;
      const o = object(l, path, ['name', 'weight', 'latencyMs', 'bandwidthKBps', 'dropRate']);
      name(o.name, `${path}.name`);
      weight(o.weight, `${path}.weight`);
      if (o.latencyMs !== undefined) number(o.latencyMs, `${path}.latencyMs`, 0, 600_000);
      if (o.bandwidthKBps !== undefined) number(o.bandwidthKBps, `${path}.bandwidthKBps`, 0.001, 10_000_000);
      if (o.dropRate !== undefined) share(o.dropRate, `${path}.dropRate`);
    });
    weightsPositive(root.links as Obj[], 'links');
  }
  if (root.faults !== undefined) faults(root.faults, 'faults');
  return value as FleetDescription;
}

function model(value: unknown, path: string): void {
  const o = object(value, path, ['name', 'wmi', 'weight', 'ecus', 'faults']);
  name(o.name, `${path}.name`);
  if (typeof o.wmi !== 'string' || !WMI.test(o.wmi)) fail(`${path}.wmi must be 3 VIN characters (A-Z without I, O, Q, or 0-9), got ${show(o.wmi)}`);
  weight(o.weight, `${path}.weight`);
  list(o.ecus, `${path}.ecus`, true).forEach((e, i) => ecu(e, `${path}.ecus[${i}]`));
  unique(o.ecus as Obj[], 'module', `${path}.ecus`);
  if (o.faults !== undefined) faults(o.faults, `${path}.faults`);
}

function ecu(value: unknown, path: string): void {
  const o = object(value, path, ['module', 'bus', 'hardwareId', 'softwareVersion', 'calibration', 'serialPrefix', 'imageSize', 'bank', 'flash']);
  name(o.module, `${path}.module`);
  if (typeof o.bus !== 'string' || !BUSES.includes(o.bus)) fail(`${path}.bus must be one of ${BUSES.join(', ')}, got ${show(o.bus)}`);
  weighted(o.hardwareId, `${path}.hardwareId`, 'id', text, false);
  weighted(o.softwareVersion, `${path}.softwareVersion`, 'version', text, false);
  if (o.calibration !== undefined && typeof o.calibration !== 'string') fail(`${path}.calibration must be a string, got ${show(o.calibration)}`);
  if (o.serialPrefix !== undefined) name(o.serialPrefix, `${path}.serialPrefix`);
  if (o.imageSize !== undefined) whole(o.imageSize, `${path}.imageSize`, 1, 2 * 1024 ** 3);
  if (o.bank !== undefined && o.bank !== 'ab' && o.bank !== 'single') fail(`${path}.bank must be "ab" or "single", got ${show(o.bank)}`);
  if (o.flash !== undefined) {
    const f = object(o.flash, `${path}.flash`, TIMING_FIELDS);
    for (const [k, v] of Object.entries(f)) {
      if (k.endsWith('BytesPerS')) number(v, `${path}.flash.${k}`, 1, 1e10);
      else number(v, `${path}.flash.${k}`, 0, 3_600_000);
    }
  }
}

function faults(value: unknown, path: string): FaultRates {
  const o = object(value, path, Object.keys(FAULT_KINDS));
  for (const [k, v] of Object.entries(o)) share(v, `${path}.${k}`);
  return o as FaultRates;
}

/** A string, or a non-empty list of `{ <key>: string, weight }` (or of plain strings where allowed). */
function weighted(value: unknown, path: string, key: string, check: (v: unknown, path: string) => void, plainList: boolean): void {
  if (typeof value === 'string') return check(value, path);
  const items = list(value, path, true);
  if (plainList && items.every((v) => typeof v === 'string')) return items.forEach((v, i) => check(v, `${path}[${i}]`));
  items.forEach((item, i) => {
    const o = object(item, `${path}[${i}]`, [key, 'weight']);
    check(o[key], `${path}[${i}].${key}`);
    weight(o.weight, `${path}[${i}].weight`);
  });
  weightsPositive(items as Obj[], path);
}

function object(value: unknown, path: string, known: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${path} must be an object, got ${show(value)}`);
  for (const k of Object.keys(value as Obj)) {
    if (!known.includes(k)) fail(`unknown field ${path === 'the fleet description' ? k : `${path}.${k}`}; known: ${known.join(', ')}`);
  }
  return value as Obj;
}

function list(value: unknown, path: string, nonEmpty: boolean): unknown[] {
  if (!Array.isArray(value)) fail(`${path} must be a list, got ${show(value)}`);
  if (nonEmpty && (value as unknown[]).length === 0) fail(`${path} must not be empty`);
  return value as unknown[];
}

function unique(items: Obj[], key: string, path: string): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item[key])) fail(`${path}[${i}].${key} repeats ${show(item[key])}`);
    seen.add(item[key]);
  });
}

function weightsPositive(items: Obj[], path: string): void {
  if (!items.some((i) => typeof i !== 'object' || (i.weight as number) > 0)) fail(`${path}: at least one weight must be above 0`);
}

function text(value: unknown, path: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) fail(`${path} must be a non-empty string, got ${show(value)}`);
}

function name(value: unknown, path: string): void {
  if (typeof value !== 'string' || !NAME.test(value)) fail(`${path} must be a name (letters, digits, space, . _ -; up to 64), got ${show(value)}`);
}

function zone(value: unknown, path: string): void {
  text(value, path);
  try {
    new Intl.DateTimeFormat('en', { timeZone: value as string });
  } catch {
    fail(`${path} is not an IANA time zone: ${show(value)}`);
  }
}

function weight(value: unknown, path: string): void {
  number(value, path, 0, 1e9);
}

function share(value: unknown, path: string): void {
  number(value, path, 0, 1);
}

function whole(value: unknown, path: string, min: number, max: number): void {
  number(value, path, min, max);
  if (!Number.isInteger(value)) fail(`${path} must be a whole number, got ${show(value)}`);
}

function number(value: unknown, path: string, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(`${path} must be a number in ${min}..${max}, got ${show(value)}`);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function fail(message: string): never {
  throw new FleetFileError(message);
}
