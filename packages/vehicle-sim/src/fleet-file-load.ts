import { readFile } from 'node:fs/promises';
import { generateFromDescription, plainMember, type FleetMember } from './fleet-file.js';
import { FleetFileError, validateFleetDescription } from './fleet-file-validate.js';
import type { VehicleRecord } from './fleet-data.js';

export interface LoadedFleet {
  members: FleetMember[];
  /** The description's name, or "records" for a plain list. */
  name: string;
  /** Whether the file described a fleet (generated with `count` and `seed`) or listed its records. */
  kind: 'description' | 'records';
}

/**
 * Reads a fleet file: a description (a JSON object: models, regions, profiles) generated to `count`
 * vehicles from `seed`, or a JSON array of manufacturing records as `vehicle-sim fleet` writes them.
 */
export async function loadFleetFile(path: string, opts: { count?: number | undefined; seed: number }): Promise<LoadedFleet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new FleetFileError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FleetFileError(`${path} is not JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(value)) return { members: records(value, path).map(plainMember), name: 'records', kind: 'records' };
  let desc;
  try {
    desc = validateFleetDescription(value);
  } catch (err) {
    throw err instanceof FleetFileError ? new FleetFileError(`${path}: ${err.message}`) : err;
  }
  if (opts.count === undefined) throw new FleetFileError(`${path} describes a fleet: say how many vehicles with --vehicles N`);
  return { members: generateFromDescription(desc, { count: opts.count, seed: opts.seed }), name: desc.name ?? path, kind: 'description' };
}

function records(value: unknown[], path: string): VehicleRecord[] {
  const isRecord = (r: unknown) =>
    typeof r === 'object' && r !== null && typeof (r as VehicleRecord).vin === 'string' && Array.isArray((r as VehicleRecord).ecus);
  if (value.length === 0 || !value.every(isRecord)) {
    throw new FleetFileError(`${path} must be a fleet description (an object) or a non-empty JSON array of vehicles with "vin" and "ecus", as \`vehicle-sim fleet\` writes`);
  }
  return value as VehicleRecord[];
}
