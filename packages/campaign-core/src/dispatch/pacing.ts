/**
 * Dispatch pacing: how many vehicles per minute get an offer, and how that rate ramps up. Pure.
 */

export interface Ramp {
  /** Rate at the start, vehicles per minute. */
  startPerMinute: number;
  /** Multiplies the rate at each step. */
  factor: number;
  /** A step is taken after this many more confirmed successes. */
  everySuccesses: number;
}

/** AWS IoT Jobs' exponential rollout, gated by confirmed successes: start, then x factor per step, up to the cap. */
export function effectiveRate(ratePerMinute: number, ramp: Ramp | null, succeeded: number): number {
  if (!ramp) return ratePerMinute;
  const steps = Math.floor(succeeded / ramp.everySuccesses);
  return Math.min(ratePerMinute, Math.round(ramp.startPerMinute * ramp.factor ** steps));
}

/**
 * BullMQ's rate limit counts jobs per fixed window, so one large window lets a whole minute's worth start at
 * once. Windows of at most 50 ms keep dispatch smooth: any sliding second spans at most 21 windows, so it
 * sees at most 1.05x the rate (plus one vehicle, for rates under 20 per second where a window holds one).
 */
export function limiterFor(ratePerMinute: number): { max: number; duration: number } {
  const perMs = ratePerMinute / 60_000;
  const duration = Math.max(WINDOW_MS, Math.ceil(1 / perMs));
  return { max: Math.max(1, Math.floor(perMs * duration)), duration };
}

const WINDOW_MS = 50;
