import { PAYLOAD_TYPES, ota, u64, verifyEnvelope } from '@ota/proto';
import type { ReportKey } from '../report-keys.js';
import { decodeOrRefuse, RefusedMessage, type HandlerContext, type UplinkHandler } from './context.js';

/** The vehicle's report key, remembered or (`fresh`) read now; refusals name why there is none. */
async function reportKeyOf(ctx: HandlerContext, vin: string, fresh: boolean): Promise<ReportKey> {
  const found = fresh ? await ctx.reportKeys.read(vin) : await ctx.reportKeys.get(vin);
  if (found.kind === 'unknown-vehicle') throw new RefusedMessage('OTA_ERR_VEHICLE_NOT_FOUND', 'vehicle not registered');
  if (found.kind === 'no-key') throw new RefusedMessage('OTA_ERR_REPORT_UNSIGNED', 'no report key is registered for this vehicle');
  return found.key;
}

/** The report inside the envelope, once its signature checks out against the vehicle's key, and that key. */
async function verifiedReport(ctx: HandlerContext, vin: string, envelope: ota.v1.Signed, fresh = false): Promise<{ pem: string; report: ota.v1.VersionReport }> {
  const key = await reportKeyOf(ctx, vin, fresh);
  const verdict = verifyEnvelope(envelope, PAYLOAD_TYPES.report, key.keys);
  if (!verdict.ok) {
    // A remembered key may have been replaced since (re-provisioning): the stored one decides.
    if (!key.fresh) return verifiedReport(ctx, vin, envelope, true);
    throw new RefusedMessage('OTA_ERR_REPORT_SIGNATURE', `report signature: ${verdict.reason}`);
  }
  const report = decodeOrRefuse(ota.v1.VersionReport.decode, Buffer.from(verdict.payload), 'VersionReport');
  if (report.vin !== vin) {
    throw new RefusedMessage('OTA_ERR_WRONG_VIN', `report names ${report.vin}, certificate says ${vin}`);
  }
  return { pem: key.pem, report };
}

/**
 * `report`: what the vehicle runs, signed with its own key (Uptane vehicle version manifest). Checked: the
 * signature over the exact payload bytes, the VIN, and a counter that only grows. Then the ECUs' versions
 * are stored and every active execution whose ECUs now all run their targets is confirmed, in one
 * statement. The report's nonce is what the next manifest for this vehicle echoes.
 */
export const handleVersionReport: UplinkHandler = async (ctx, vin, payload) => {
  const envelope = decodeOrRefuse(ota.v1.Signed.decode, payload, 'Signed version report');
  if (envelope.payloadType !== PAYLOAD_TYPES.report) {
    throw new RefusedMessage('OTA_ERR_REPORT_UNSIGNED', `expected Signed{${PAYLOAD_TYPES.report}}, got "${envelope.payloadType}"`);
  }
  const { pem, report } = await verifiedReport(ctx, vin, envelope);
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
  const apply = (keyPem: string) => ctx.repos.vehicles.applyVersionReport(vin, keyPem, meta, ecus);
  let applied = await apply(pem);
  if (!applied.applied && applied.reason === 'key-changed') {
    // The key was replaced between the check and the write: check again against the key as stored now.
    applied = await apply((await verifiedReport(ctx, vin, envelope, true)).pem);
  }
  if (!applied.applied) {
    if (applied.reason === 'unknown-vehicle') throw new RefusedMessage('OTA_ERR_VEHICLE_NOT_FOUND', 'vehicle not registered');
    // Replaced twice within one report: not the vehicle's fault, so it is told to send it again later.
    if (applied.reason === 'key-changed') throw new Error(`the report key of ${vin} changed twice during one report`);
    throw new RefusedMessage('OTA_ERR_REPORT_REPLAY', `report counter ${meta.counter} is not above ${applied.lastCounter}`);
  }
  if (applied.unknownSerials.length) ctx.log.warn({ vin, unknownSerials: applied.unknownSerials }, 'report names ECUs we do not know');
  if (applied.confirmed.length) ctx.log.info({ vin, executions: applied.confirmed }, 'install confirmed');
  await ctx.afterReport(vin);
};
