/** The most timestamps in any window of `ms`: how a rate limit is checked over a sliding window. */
export function densestWindow(times: readonly number[], ms: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
