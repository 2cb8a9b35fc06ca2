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
  // This attempt is over: a retry goes through its phases again.
  ctx.phases.forget(vin, result.executionId);
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
    ...(result.description || result.ecus.length > 1 ? { detail: describe(result).slice(0, 1000) } : {}),
    bytesSent: u64(result.bytesReceived),
    // A late answer to an earlier attempt (its retry is already out) must not decide the current one.
    attempt: result.attempt,
  };
  const outcome =
    ok || cancelled
      ? await ctx.repos.executions.transition(result.executionId, { to: ok ? 'installed' : 'cancelled', ...input })
      : // Transient failures (low battery, not parked...) wait and retry; permanent ones end the execution. A
        // partial bundle is as transient as the ECU failure that broke it.
        await ctx.repos.executions.recordFailure(result.executionId, { ...input, retryCode: causeOf(result) });
  if (!outcome.ok) {
    if (outcome.rejected === 'OTA_ERR_STALE_RESULT') {
      throw new RefusedMessage('OTA_ERR_STALE_RESULT', `result of attempt ${result.attempt}, attempt ${outcome.attempts} is in flight`, result.executionId);
    }
    if (outcome.current === null) {
      throw new RefusedMessage('OTA_ERR_EXECUTION_NOT_FOUND', 'no such execution for this vehicle', result.executionId);
    }
    // A repeated result (QoS 1 redelivery) or one after a timeout: recorded in the log, state unchanged.
    ctx.log.info({ vin, executionId: result.executionId, code, state: outcome.current }, 'result not applied');
  }
};

const BYSTANDER_CODES = new Set<ota.v1.ResultCode | null | undefined>([ota.v1.ResultCode.OK, ota.v1.ResultCode.ROLLED_BACK, ota.v1.ResultCode.NOT_ATTEMPTED]);

/** Why a bundle failed: the code of the ECU that broke it; for a single ECU, the result's own code. */
function causeOf(result: ota.v1.InstallResult): string {
  const code =
    result.code === ota.v1.ResultCode.PARTIAL_BUNDLE ? (result.ecus.find((e) => !BYSTANDER_CODES.has(e.code))?.code ?? result.code) : result.code;
  return ota.v1.ResultCode[code] ?? `UNKNOWN_${code}`;
}

/** The description, with the per-ECU outcomes of a bundle. */
function describe(result: ota.v1.InstallResult): string {
  if (result.ecus.length <= 1) return result.description;
  const perEcu = result.ecus.map((e) => `${e.ecuSerial}: ${ota.v1.ResultCode[e.code ?? 0] ?? e.code}`).join(', ');
  return result.description ? `${result.description} (${perEcu})` : perEcu;
}
