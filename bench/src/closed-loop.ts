/**
 * Runs task(0..count-1) with at most `concurrency` at once; rejects after all ran if any failed. A closed
 * loop finds what the server sustains, where a fixed ramp would only measure the ramp.
 */
export async function closedLoop(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: string[] = [];
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await task(i).catch((err: Error) => failures.push(err.message));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failures.length > 0) throw new Error(`${failures.length} of ${count} failed; first: ${failures[0]}`);
}
