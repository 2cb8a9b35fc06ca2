import { inTransaction } from '@ota/campaign-core';
import { ota, u64 } from '@ota/proto';
import { decodeOrRefuse, RefusedMessage, type UplinkHandler } from './context.js';

/**
 * `report`: what the vehicle runs. Updates the ECUs' versions and, in the same transaction, confirms every
 * active execution whose ECU now runs its target version.
 */
export const handleVersionReport: UplinkHandler = async (ctx, vin, payload) => {
  const report = decodeOrRefuse(ota.v1.VersionReport.decode, payload, 'VersionReport');
  if (report.vin !== vin) {
    throw new RefusedMessage('OTA_ERR_WRONG_VIN', `report names ${report.vin}, certificate says ${vin}`);
  }
  ctx.metrics.reportsReceived++;
  const ecus = report.ecus.map((e) => ({
    serial: e.serial ?? '',
    softwareVersion: e.softwareVersion ?? '',
    calibration: e.calibration ?? '',
  }));
  const { known, unknownSerials, confirmed } = await inTransaction(ctx.repos.pool, async (client) => {
    const applied = await ctx.repos.vehicles.applyVersionReport(client, vin, u64(report.reportCounter), ecus);
    const done = applied.known ? await ctx.repos.executions.confirmFromReport(client, vin) : [];
    return { ...applied, confirmed: done };
  });
  if (!known) throw new RefusedMessage('OTA_ERR_VEHICLE_NOT_FOUND', 'vehicle not registered');
  if (unknownSerials.length) ctx.log.warn({ vin, unknownSerials }, 'report names ECUs we do not know');
  if (confirmed.length) ctx.log.info({ vin, executions: confirmed.map((e) => e.id) }, 'install confirmed');
  await ctx.afterReport(vin);
};
