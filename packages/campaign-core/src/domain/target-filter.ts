import semver from 'semver';
import type { Ecu, Vehicle } from './types.js';

/**
 * Which vehicles a campaign aims at, beyond what the update itself allows (module, hardware, older
 * version). Every field narrows; an absent field does not. Pure.
 */
export interface TargetFilter {
  models?: string[];
  regions?: string[];
  excludeRegions?: string[];
  hardwareIds?: string[];
  /** A semver range the target ECU's current version must satisfy, e.g. ">=1.2.0 <1.5.0". */
  versionRange?: string;
  vins?: string[];
}

export class TargetFilterError extends Error {}

export function checkTargetFilter(filter: TargetFilter): void {
  if (filter.versionRange !== undefined && semver.validRange(filter.versionRange) === null) {
    throw new TargetFilterError(`versionRange "${filter.versionRange}" is not a semver range`);
  }
}

export function matchesTarget(vehicle: Pick<Vehicle, 'vin' | 'model' | 'region'>, ecu: Ecu, filter: TargetFilter): boolean {
  if (filter.vins && !filter.vins.includes(vehicle.vin)) return false;
  if (filter.models && !filter.models.includes(vehicle.model)) return false;
  if (filter.regions && !filter.regions.includes(vehicle.region)) return false;
  if (filter.excludeRegions?.includes(vehicle.region)) return false;
  if (filter.hardwareIds && !filter.hardwareIds.includes(ecu.hardwareId)) return false;
  if (filter.versionRange && !semver.satisfies(ecu.softwareVersion, filter.versionRange)) return false;
  return true;
}
