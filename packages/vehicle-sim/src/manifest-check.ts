import { ota, u64, type TrustedRoot } from '@ota/proto';
import type { EcuRecord } from './fleet-data.js';
import { checkTarget, type AcceptedTarget } from './target-check.js';

const C = ota.v1.ResultCode;

/** What the checks need to know about the vehicle; read only. */
export interface ManifestContext<E extends EcuRecord> {
  vin: string;
  ecus: readonly E[];
  replay: { knowsNonce(nonce: Uint8Array): boolean; counterUsed(counter: number): boolean };
}

export interface AcceptedManifest<E extends EcuRecord = EcuRecord> {
  ok: true;
  manifest: ota.v1.UpdateManifest;
  /** In install order (ascending install_order). */
  targets: AcceptedTarget<E>[];
}

export interface RefusedManifest<E extends EcuRecord = EcuRecord> {
  ok: false;
  code: ota.v1.ResultCode;
  description: string;
  /** The vehicle's ECUs the manifest names: the result reports them unchanged. */
  ecus: E[];
  /** The manifest was fresh (nonce and counter held), so its counter is now used up. */
  counterConsumed: boolean;
}

/**
 * Everything checked about a manifest whose director signature held, before a byte is downloaded: that it
 * is for this vehicle, unexpired and fresh (Uptane director metadata), then every target against its signed
 * release entry. Pure: the vehicle's view, the root and the time are arguments.
 */
export function checkManifest<E extends EcuRecord>(
  manifest: ota.v1.UpdateManifest,
  vehicle: ManifestContext<E>,
  root: TrustedRoot,
  now: number,
): AcceptedManifest<E> | RefusedManifest<E> {
  const named = vehicle.ecus.filter((e) => manifest.targets.some((t) => t.ecuSerial === e.serial));
  const counter = u64(manifest.counter);
  let counterConsumed = false;
  const refuse = (code: ota.v1.ResultCode, description: string): RefusedManifest<E> => ({ ok: false, code, description, ecus: named, counterConsumed });
  // Uptane: a manifest for another vehicle is a replay or a misdirection.
  if (manifest.vin !== vehicle.vin) return refuse(C.VIN_MISMATCH, `manifest is for ${manifest.vin}`);
  // Uptane freeze attack: never act on expired metadata.
  if (u64(manifest.expiresAtMs) <= now) return refuse(C.METADATA_EXPIRED, 'manifest expired');
  // Uptane freshness: the manifest must echo a nonce of a recent version report, and use a counter once.
  if (!vehicle.replay.knowsNonce(manifest.nonce)) return refuse(C.NONCE_MISMATCH, 'manifest echoes no recent report nonce');
  if (vehicle.replay.counterUsed(counter)) return refuse(C.NONCE_MISMATCH, `manifest counter ${counter} was accepted before`);
  counterConsumed = true;
  if (manifest.targets.length === 0) return refuse(C.VERIFICATION_FAILED, 'manifest has no target');
  // Uptane: director targets must not name an ECU twice.
  if (new Set(manifest.targets.map((t) => t.ecuSerial)).size !== manifest.targets.length) {
    return refuse(C.VERIFICATION_FAILED, 'manifest names an ECU twice');
  }
  // decode() fills every field of a present sub-message with its value or its default.
  const ordered = [...(manifest.targets as ota.v1.Target[])].sort((a, b) => a.installOrder - b.installOrder);
  const targets: AcceptedTarget<E>[] = [];
  for (const target of ordered) {
    const verdict = checkTarget(target, vehicle.ecus, root, { rollback: manifest.rollback, now });
    if (!verdict.ok) return refuse(verdict.code, verdict.description);
    targets.push(verdict.accepted);
  }
  return { ok: true, manifest, targets };
}
