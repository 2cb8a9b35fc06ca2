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
