export interface BenchOptions {
  smoke: boolean;
  vehicles?: number | undefined;
  imageSize?: number | undefined;
  concurrency?: number | undefined;
  window?: number | undefined;
  durationS?: number | undefined;
  /** Rates for the dispatch bench's limiter check, offers per second. */
  rates?: number[] | undefined;
  /** Measure the project alone (profiling, iterating on a change): no baselines, no ratios. */
  projectOnly?: boolean;
  /** Progress lines for a human, on stderr. */
  say: (line: string) => void;
}
