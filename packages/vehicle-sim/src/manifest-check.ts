import type { KeyObject } from 'node:crypto';
import semver from 'semver';
import { MANIFEST_PAYLOAD_TYPE, MAX_CHUNK_SIZE, ota, u64, verifyEnvelope } from '@ota/proto';
import type { EcuRecord } from './fleet-data.js';

export interface AcceptedManifest<E extends EcuRecord = EcuRecord> {
  ok: true;
  manifest: ota.v1.UpdateManifest;
  target: ota.v1.Target;
  ecu: E;
  imageSize: number;
}

export interface RefusedManifest<E extends EcuRecord = EcuRecord> {
  ok: false;
  code: ota.v1.ResultCode;
  description: string;
  /** Known when the refusal came after the signature check; an unsigned claim is never echoed back. */
  executionId: string;
  /** Whether the signature held, so the fields below come from a manifest the vehicle can trust. */
  signed: boolean;
  /** The signed manifest's attempt number; 0 when unsigned. */
  attempt: number;
  /** The vehicle's own ECU the signed target names, when it has one: the result reports its unchanged version. */
  ecu: E | null;
}

/**
 * Everything a vehicle checks before downloading a byte: the signature over the exact payload bytes first,
 * then that the signed manifest is for this vehicle, unexpired, names one of its ECUs, and that ECU's
 * hardware. Pure: the vehicle's state and the time are arguments.
 */
export function checkManifest<E extends EcuRecord>(
  envelopeBytes: Uint8Array,
  vehicle: { vin: string; ecus: readonly E[] },
  trustedKeys: ReadonlyMap<string, KeyObject>,
  now: number,
): AcceptedManifest<E> | RefusedManifest<E> {
  const unsigned = (code: ota.v1.ResultCode, description: string): RefusedManifest<E> => ({
    ok: false,
    code,
    description,
    executionId: '',
    signed: false,
    attempt: 0,
    ecu: null,
  });
  let envelope: ota.v1.Signed;
  try {
    envelope = ota.v1.Signed.decode(envelopeBytes);
  } catch (err) {
    return unsigned(ota.v1.ResultCode.VERIFICATION_FAILED, `undecodable envelope: ${(err as Error).message}`);
  }
  const verdict = verifyEnvelope(envelope, MANIFEST_PAYLOAD_TYPE, trustedKeys);
  if (!verdict.ok) return unsigned(ota.v1.ResultCode.SIGNATURE_INVALID, `manifest signature: ${verdict.reason}`);
  let manifest: ota.v1.UpdateManifest;
  try {
    manifest = ota.v1.UpdateManifest.decode(verdict.payload);
  } catch (err) {
    return unsigned(ota.v1.ResultCode.VERIFICATION_FAILED, `undecodable manifest: ${(err as Error).message}`);
  }
  // decode() fills every field of a present sub-message with its value or default.
  const target = manifest.target as ota.v1.Target | null | undefined;
  const ecu = target ? vehicle.ecus.find((e) => e.serial === target.ecuSerial) : undefined;
  const refuse = (code: ota.v1.ResultCode, description: string): RefusedManifest<E> => ({
    ok: false,
    code,
    description,
    executionId: manifest.executionId,
    signed: true,
    attempt: manifest.attempt,
    ecu: ecu ?? null,
  });
  // Uptane: a manifest for another vehicle is a replay or a misdirection.
  if (manifest.vin !== vehicle.vin) return refuse(ota.v1.ResultCode.VIN_MISMATCH, `manifest is for ${manifest.vin}`);
  // Uptane freeze attack: never act on expired metadata.
  if (u64(manifest.expiresAtMs) <= now) return refuse(ota.v1.ResultCode.METADATA_EXPIRED, 'manifest expired');
  if (!target) return refuse(ota.v1.ResultCode.VERIFICATION_FAILED, 'manifest has no target');
  if (!ecu) return refuse(ota.v1.ResultCode.ECU_NOT_FOUND, `no ECU ${target.ecuSerial}`);
  // Uptane mix-and-match: the image must be built for this ECU's hardware.
  if (!target.hardwareIds.includes(ecu.hardwareId)) {
    return refuse(ota.v1.ResultCode.HARDWARE_ID_MISMATCH, `image is not for ${ecu.hardwareId}`);
  }
  // Uptane rollback attack: never go back to an older version unless the manifest says so, signed.
  if (!manifest.rollback && semver.valid(target.version) && semver.valid(ecu.softwareVersion) && semver.lt(target.version, ecu.softwareVersion)) {
    return refuse(ota.v1.ResultCode.ROLLBACK_DETECTED, `${target.version} is older than the installed ${ecu.softwareVersion}`);
  }
  const imageSize = u64(target.imageSize);
  const chunkSize = target.chunkSize;
  if (imageSize <= 0 || chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE) {
    return refuse(ota.v1.ResultCode.VERIFICATION_FAILED, `bad sizes: image ${imageSize}, chunk ${chunkSize}`);
  }
  if (target.chunkSha256.length !== Math.ceil(imageSize / chunkSize) || target.imageSha256.length !== 32) {
    return refuse(ota.v1.ResultCode.VERIFICATION_FAILED, 'chunk hash list does not match the image size');
  }
  return { ok: true, manifest, target, ecu, imageSize };
}
