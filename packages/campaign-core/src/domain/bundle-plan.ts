import semver from 'semver';
import { checkEligibility, type Ineligibility } from './eligibility.js';
import type { Ecu, SoftwareUpdate, Vehicle } from './types.js';

/** An update needs another ECU of the vehicle at a version in `range` (semver), before or after the bundle. */
export interface Requirement {
  module: string;
  range: string;
}

export type BundleUpdate = Pick<SoftwareUpdate, 'id' | 'module' | 'version' | 'hardwareIds' | 'vehicleModels' | 'requires'>;

export interface PlannedTarget {
  updateId: string;
  ecu: Ecu;
  /** 0 first: every ECU comes after the ECUs it depends on. */
  installOrder: number;
}

export type BundlePlan =
  | { ok: true; targets: PlannedTarget[] }
  | { ok: false; reason: Ineligibility | 'dependency-unmet'; detail: string };

export class BundleError extends Error {}

/**
 * What one vehicle installs of a campaign: its main update (which must apply, as checkEligibility says),
 * plus each companion update that applies to the vehicle, in an order where every ECU comes after the ones it
 * requires. A requirement is met by the version the bundle installs, or else by what the ECU runs now; a
 * vehicle with a requirement met by neither gets nothing (no half-installed dependency chains). Pure.
 */
export function planBundle(
  vehicle: Pick<Vehicle, 'model' | 'ecus'>,
  main: BundleUpdate,
  companions: readonly BundleUpdate[],
  opts: { rollback?: boolean } = {},
): BundlePlan {
  const first = checkEligibility(vehicle, main, opts);
  if (!first.eligible) return { ok: false, reason: first.reason, detail: `${main.module}: ${first.reason}` };
  const chosen: { update: BundleUpdate; ecu: Ecu }[] = [{ update: main, ecu: first.ecu }];
  for (const update of companions) {
    const verdict = checkEligibility(vehicle, update, opts);
    if (verdict.eligible) chosen.push({ update, ecu: verdict.ecu });
  }
  const versionAfter = (module: string): string | undefined =>
    chosen.find((c) => c.update.module === module)?.update.version ?? vehicle.ecus.find((e) => e.module === module)?.softwareVersion;
  for (const { update } of chosen) {
    for (const r of update.requires) {
      const v = versionAfter(r.module);
      if (!v || !semver.valid(v) || !semver.satisfies(v, r.range, { includePrerelease: true })) {
        return { ok: false, reason: 'dependency-unmet', detail: `${update.module} ${update.version} needs ${r.module} ${r.range}, the vehicle would have ${v ?? 'none'}` };
      }
    }
  }
  const order = installOrder(chosen.map((c) => c.update));
  return {
    ok: true,
    targets: chosen
      .map((c) => ({ updateId: c.update.id, ecu: c.ecu, installOrder: order.get(c.update.id)! }))
      .sort((a, b) => a.installOrder - b.installOrder),
  };
}

/**
 * Topological order of updates by their requirements on each other's modules (Kahn's algorithm, ties kept
 * in the given order). Throws BundleError on a cycle: such a bundle can never be installed.
 */
export function installOrder(updates: readonly Pick<BundleUpdate, 'id' | 'module' | 'requires'>[]): Map<string, number> {
  const modules = new Map(updates.map((u) => [u.module, u.id]));
  if (modules.size !== updates.length) throw new BundleError('a bundle holds at most one update per module');
  const before = new Map(updates.map((u) => [u.id, new Set(u.requires.map((r) => modules.get(r.module)).filter((id): id is string => id !== undefined && id !== u.id))]));
  const order = new Map<string, number>();
  while (order.size < updates.length) {
    const next = updates.find((u) => !order.has(u.id) && [...before.get(u.id)!].every((d) => order.has(d)));
    if (!next) {
      const stuck = updates.filter((u) => !order.has(u.id)).map((u) => u.module);
      throw new BundleError(`the bundle's requirements form a cycle between ${stuck.join(', ')}`);
    }
    order.set(next.id, order.size);
  }
  return order;
}

export function checkRequirements(requires: readonly Requirement[]): void {
  for (const r of requires) {
    if (!r.module) throw new BundleError('a requirement needs a module');
    if (semver.validRange(r.range) === null) throw new BundleError(`requirement ${r.module} "${r.range}" is not a semver range`);
  }
}
