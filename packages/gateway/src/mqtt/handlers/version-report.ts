import type { KeyObject } from 'node:crypto';
import { inTransaction } from '@ota/campaign-core';
import { PAYLOAD_TYPES, keyIdOf, ota, publicKeyFromPem, u64, verifyEnvelope } from '@ota/proto';
import { decodeOrRefuse, RefusedMessage, type HandlerContext, type UplinkHandler } from './context.js';

/**
 * Parsed report keys by their PEM text, the oldest out first. Postgres stays the truth on which key a vehicle
 * has (it is read for every report); this only spares parsing the same PEM again, which costs more than
 * verifying the signature.
 */
const parsedKeys = new Map<string, ReadonlyMap<string, KeyObject>>();
const MAX_PARSED_KEYS = 20_000;

function parsedKey(pem: string): ReadonlyMap<string, KeyObject> {
  let trusted = parsedKeys.get(pem);
  if (!trusted) {
    const key = publicKeyFromPem(pem);
    trusted = new Map([[keyIdOf(key), key]]);
    if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.delete(parsedKeys.keys().next().value!);
    parsedKeys.set(pem, trusted);
  }
  return trusted;
}

/** The vehicle's registered report key, by key id; refusals name why there is none. */
async function reportKeyOf(ctx: HandlerContext, vin: string): Promise<ReadonlyMap<string, KeyObject>> {
  const { known, pem } = await ctx.repos.vehicles.reportKeyOf(vin);
  if (!known) throw new RefusedMessage('OTA_ERR_VEHICLE_NOT_FOUND', 'vehicle not registered');
  if (!pem) throw new RefusedMessage('OTA_ERR_REPORT_UNSIGNED', 'no report key is registered for this vehicle');
  return parsedKey(pem);
}

/**
 * `report`: what the vehicle runs, signed with its own key (Uptane vehicle version manifest). Checked: the
 * signature over the exact payload bytes, the VIN, and a counter that only grows. Then the ECUs' versions
 * are stored and, in the same transaction, every active execution whose ECUs now all run their targets is
 * confirmed. The report's nonce is what the next manifest for this vehicle echoes.
 */
export const handleVersionReport: UplinkHandler = async (ctx, vin, payload) => {
  const envelope = decodeOrRefuse(ota.v1.Signed.decode, payload, 'Signed version report');
  if (envelope.payloadType !== PAYLOAD_TYPES.report) {
    throw new RefusedMessage('OTA_ERR_REPORT_UNSIGNED', `expected Signed{${PAYLOAD_TYPES.report}}, got "${envelope.payloadType}"`);
  }
  const verdict = verifyEnvelope(envelope, PAYLOAD_TYPES.report, await reportKeyOf(ctx, vin));
  if (!verdict.ok) throw new RefusedMessage('OTA_ERR_REPORT_SIGNATURE', `report signature: ${verdict.reason}`);
  const report = decodeOrRefuse(ota.v1.VersionReport.decode, Buffer.from(verdict.payload), 'VersionReport');
  if (report.vin !== vin) {
    throw new RefusedMessage('OTA_ERR_WRONG_VIN', `report names ${report.vin}, certificate says ${vin}`);
  }
  ctx.metrics.reportsReceived++;
  const ecus = report.ecus.map((e) => ({
    serial: e.serial ?? '',
    softwareVersion: e.softwareVersion ?? '',
    calibration: e.calibration ?? '',
    releaseCounter: e.releaseCounter ?? 0,
  }));
  const meta = {
    counter: u64(report.reportCounter),
    nonce: Buffer.from(report.nonce),
    rootVersion: u64(report.rootVersion),
    state: report.state ? { batteryPct: report.state.batteryPct ?? 0, parked: report.state.parked ?? false, ignitionOn: report.state.ignitionOn ?? false } : null,
  };
  const outcome = await inTransaction(ctx.repos.pool, async (client) => {
    const applied = await ctx.repos.vehicles.applyVersionReport(client, vin, meta, ecus);
    const confirmed = applied.applied ? await ctx.repos.executions.confirmFromReport(client, vin) : [];
    return { applied, confirmed };
  });
  const { applied, confirmed } = outcome;
  if (!applied.applied) {
    if (applied.reason === 'unknown-vehicle') throw new RefusedMessage('OTA_ERR_VEHICLE_NOT_FOUND', 'vehicle not registered');
    throw new RefusedMessage('OTA_ERR_REPORT_REPLAY', `report counter ${meta.counter} is not above ${applied.lastCounter}`);
  }
  if (applied.unknownSerials.length) ctx.log.warn({ vin, unknownSerials: applied.unknownSerials }, 'report names ECUs we do not know');
  if (confirmed.length) ctx.log.info({ vin, executions: confirmed.map((e) => e.id) }, 'install confirmed');
  await ctx.afterReport(vin);
};
