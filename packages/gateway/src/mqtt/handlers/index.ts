import { MAX_UPLINK_BYTES, UPLINK, ota, parseVehicleTopic, type UplinkSuffix } from '@ota/proto';
import { handleChunkRequest } from './chunk-request.js';
import { RefusedMessage, type HandlerContext, type UplinkHandler } from './context.js';
import { handleInstallResult } from './install-result.js';
import { handleProgress } from './progress.js';
import { handleVersionReport } from './version-report.js';

/** Uplink messages of one vehicle waiting to be handled, at most: a window of chunk requests and a few more. */
export const MAX_PENDING_PER_VEHICLE = 64;

const HANDLERS: Record<UplinkSuffix, UplinkHandler> = {
  [UPLINK.report]: handleVersionReport,
  [UPLINK.chunkRequest]: handleChunkRequest,
  [UPLINK.progress]: handleProgress,
  [UPLINK.result]: handleInstallResult,
};

/**
 * Routes each vehicle's uplink messages to their handler, one at a time per vehicle so that a result and
 * the report after it are applied in the order sent. Every refusal is counted, logged and answered on the
 * vehicle's `rejected` topic; nothing a vehicle sends can throw out of here.
 */
export function createUplinkRouter(ctx: HandlerContext, maxPendingPerVehicle = MAX_PENDING_PER_VEHICLE) {
  const tails = new Map<string, Promise<void>>();
  const pending = new Map<string, number>();

  async function handle(vin: string, topic: string, payload: Buffer): Promise<void> {
    const parsed = parseVehicleTopic(topic);
    const handler = parsed && parsed.direction === 'uplink' ? HANDLERS[parsed.suffix as UplinkSuffix] : undefined;
    try {
      if (!parsed || !handler) throw new RefusedMessage('OTA_ERR_TOPIC', `no handler for ${topic}`);
      const cap = MAX_UPLINK_BYTES[parsed.suffix as UplinkSuffix];
      // Uptane "endless data": never decode more than a message of this kind can honestly be.
      if (payload.length > cap) throw new RefusedMessage('OTA_ERR_OVERSIZE', `${payload.length} bytes > ${cap}`);
      await handler(ctx, vin, payload);
    } catch (err) {
      await refuse(vin, topic, err);
    }
  }

  async function refuse(vin: string, topic: string, err: unknown): Promise<void> {
    const refused = err instanceof RefusedMessage ? err : null;
    if (refused?.reason === 'OTA_ERR_MALFORMED' || refused?.reason === 'OTA_ERR_OVERSIZE') ctx.metrics.malformedMessages++;
    // Not the vehicle's fault (Postgres down, a bug): OTA_ERR_UNAVAILABLE tells it to send the message again later.
    const reason = refused?.reason ?? 'OTA_ERR_UNAVAILABLE';
    const level = refused ? 'warn' : 'error';
    ctx.log[level]({ vin, topic, reason, err: refused ? refused.message : err }, 'uplink message dropped');
    const rejection = ota.v1.Rejection.encode({
      topic,
      reason,
      message: refused?.message ?? 'temporarily unavailable, retry later',
      executionId: refused?.executionId ?? '',
    }).finish();
    await ctx.send(vin, 'rejected', rejection, 1).catch(() => {});
  }

  return function route(vin: string, topic: string, payload: Buffer): Promise<void> {
    // Backpressure: a vehicle that floods requests, or does not read what it asked for (its chunks wait for
    // its socket to drain), fills only its own short queue; beyond it, messages are dropped unread.
    const waiting = pending.get(vin) ?? 0;
    if (waiting >= maxPendingPerVehicle) {
      ctx.metrics.busyDrops++;
      if (ctx.metrics.busyDrops % 1000 === 1) ctx.log.warn({ vin, waiting }, 'uplink queue full: messages dropped');
      return Promise.resolve();
    }
    pending.set(vin, waiting + 1);
    const next = (tails.get(vin) ?? Promise.resolve()).then(() => handle(vin, topic, payload));
    tails.set(vin, next);
    void next.then(() => {
      const left = (pending.get(vin) ?? 1) - 1;
      if (left > 0) pending.set(vin, left);
      else pending.delete(vin);
      if (tails.get(vin) === next) tails.delete(vin);
    });
    return next;
  };
}
