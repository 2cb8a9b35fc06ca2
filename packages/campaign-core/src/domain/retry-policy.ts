/**
 * Which failures are worth another attempt, and when. Transient results (the vehicle could not do it now)
 * are retried with exponential backoff; permanent ones (the image or the vehicle is wrong) never are.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt, seconds. */
  backoffS: number;
  /** Each later wait is this many times the one before. */
  factor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, backoffS: 30, factor: 2 };

/** Result codes that say "not now" rather than "never" (ResultCode names in ota.v1). */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'DOWNLOAD_FAILED',
  'PRECONDITIONS_NOT_MET',
  'LOW_BATTERY',
  'ECU_NOT_RESPONDING',
  'BUSY',
  'CONSENT_POSTPONED',
  'POWER_LOSS',
  'SLOW_RETRIEVAL',
]);

export type RetryVerdict = { retry: true; delayMs: number } | { retry: false };

/** After attempt number `attempts` (1-based) ended with `code`: retry, and after how long, or give up. */
export function decideRetry(code: string, attempts: number, policy: RetryPolicy): RetryVerdict {
  if (!TRANSIENT_CODES.has(code) || attempts >= policy.maxAttempts) return { retry: false };
  return { retry: true, delayMs: Math.round(policy.backoffS * 1000 * policy.factor ** (attempts - 1)) };
}

/** Where an execution ends when a failure is not retried: a driver's no is a rejection, not a failure. */
export function finalStateFor(code: string): 'failed' | 'rejected' {
  return code.startsWith('CONSENT_') ? 'rejected' : 'failed';
}
