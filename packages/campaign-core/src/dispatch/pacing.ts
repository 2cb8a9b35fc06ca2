/**
 * BullMQ's limiter counts jobs per fixed window, so one large window lets a whole minute's worth start at
 * once. A window of at most ~100 ms keeps dispatch smooth: e.g. 600/min becomes 1 job per 100 ms.
 */
export function limiterFor(ratePerMinute: number): { max: number; duration: number } {
  const perMs = ratePerMinute / 60_000;
  const duration = Math.max(100, Math.ceil(1 / perMs));
  return { max: Math.max(1, Math.round(perMs * duration)), duration };
}
