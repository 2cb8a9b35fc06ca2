import type { Logger } from '../logger.js';

/** How long an action waits for its queue work (Redis) before it answers with what Postgres committed. */
export const QUEUE_ANSWER_MS = 3000;

/**
 * Waits for `work` at most `ms`: true when it finished in time, false when it is still going (Redis away: its
 * commands are held until it is back). A failure in time is thrown as the caller's; one later is the
 * caller's to handle on `work` itself.
 */
export async function finishedWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const lapse = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), lapse]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for queue work at most QUEUE_ANSWER_MS, so that neither an operator nor a vehicle's next message
 * waits for the length of a Redis outage. A failure within the wait is the caller's, thrown. Past it the
 * work goes on alone (it lands when Redis is back): that is logged now, and how it ends, later.
 */
export async function awaitQueueWork(work: Promise<unknown>, log: Logger, what: string, fields: Record<string, unknown>): Promise<void> {
  if (await finishedWithin(work, QUEUE_ANSWER_MS)) return;
  log.warn(fields, `${what} waits for Redis`);
  work.then(
    () => log.info(fields, `${what} done after the wait`),
    (err: Error) => log.error({ ...fields, err: err.message }, `${what} failed after the wait`),
  );
}
