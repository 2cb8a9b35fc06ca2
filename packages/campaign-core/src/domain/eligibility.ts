import { compareVersions, isVersion } from './semver.js';
import type { Ecu, SoftwareUpdate, Vehicle } from './types.js';

export type Ineligibility = 'model-not-targeted' | 'no-such-module' | 'hardware-incompatible' | 'not-older';

export type EligibilityVerdict = { eligible: true; ecu: Ecu } | { eligible: false; reason: Ineligibility };

type UpdateTarget = Pick<SoftwareUpdate, 'module' | 'hardwareIds' | 'version' | 'vehicleModels'>;

/**
 * A vehicle is eligible when it has an ECU of the update's module, with a listed hardware id, running a lower
 * version than the update's (by semver precedence, not string order). A version that is not semver is never
 * "lower": we do not guess what a vehicle runs.
 */
export function checkEligibility(
  vehicle: Pick<Vehicle, 'model' | 'ecus'>,
  update: UpdateTarget,
  opts: { rollback?: boolean } = {},
): EligibilityVerdict {
  if (update.vehicleModels.length > 0 && !update.vehicleModels.includes(vehicle.model)) {
    return { eligible: false, reason: 'model-not-targeted' };
  }
  const candidates = vehicle.ecus.filter((e) => e.module === update.module);
  if (candidates.length === 0) return { eligible: false, reason: 'no-such-module' };
  const compatible = candidates.filter((e) => update.hardwareIds.includes(e.hardwareId));
  if (compatible.length === 0) return { eligible: false, reason: 'hardware-incompatible' };
  // A rollback goes to an older version: any ECU not already on it qualifies.
  const wanted = (e: Ecu) =>
    isVersion(e.softwareVersion) &&
    (opts.rollback ? compareVersions(e.softwareVersion, update.version) !== 0 : compareVersions(e.softwareVersion, update.version) < 0);
  const match = compatible.find(wanted);
  return match ? { eligible: true, ecu: match } : { eligible: false, reason: 'not-older' };
}
