import { ota, u64 } from '@ota/proto';
import { decodeOrRefuse, RefusedMessage, type UplinkHandler } from './context.js';

/**
 * `result`: the vehicle's word on one execution. Success only means "installed": the campaign counts it
 * once a version report shows the new version. A failure is final here; retries come with the rollout engine.
 */
export const handleInstallResult: UplinkHandler = async (ctx, vin, payload) => {
  const result = decodeOrRefuse(ota.v1.InstallResult.decode, payload, 'InstallResult');
  if (!result.executionId) throw new RefusedMessage('OTA_ERR_MALFORMED', 'InstallResult without execution id');
  ctx.metrics.resultsReceived++;
  const code = ota.v1.ResultCode[result.code] ?? `UNKNOWN_${result.code}`;
  const ok = result.code === ota.v1.ResultCode.OK || result.code === ota.v1.ResultCode.ALREADY_PROCESSED;
  if (ok !== result.success) {
    throw new RefusedMessage('OTA_ERR_MALFORMED', `success=${result.success} contradicts ${code}`, result.executionId);
  }
  // The vehicle stopped because we asked it to (campaign cancelled): cancelled, not a failure of the release.
  const cancelled = result.code === ota.v1.ResultCode.OPERATION_CANCELLED;
  const input = {
    vin,
    resultCode: code,
    ...(result.description ? { detail: result.description.slice(0, 1000) } : {}),
    bytesSent: u64(result.bytesReceived),
  };
  const outcome =
    ok || cancelled
      ? await ctx.repos.executions.transition(result.executionId, { to: ok ? 'installed' : 'cancelled', ...input })
      : // Transient failures (low battery, not parked...) wait and retry; permanent ones end the execution.
        await ctx.repos.executions.recordFailure(result.executionId, input);
  if (!outcome.ok) {
    if (outcome.current === null) {
      throw new RefusedMessage('OTA_ERR_EXECUTION_NOT_FOUND', 'no such execution for this vehicle', result.executionId);
    }
    // A repeated result (QoS 1 redelivery) or one after a timeout: recorded in the log, state unchanged.
    ctx.log.info({ vin, executionId: result.executionId, code, state: outcome.current }, 'result not applied');
  }
};
