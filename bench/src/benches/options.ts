export interface BenchOptions {
  smoke: boolean;
  vehicles?: number | undefined;
  imageSize?: number | undefined;
  concurrency?: number | undefined;
  window?: number | undefined;
  durationS?: number | undefined;
  /** Rates for the dispatch bench's limiter check, offers per second. */
  rates?: number[] | undefined;
  /** Vehicles that download once before the measured round, on every system alike (delivery); 0 for a cold start. */
  warmup?: number | undefined;
  /** Measure the project alone (profiling, iterating on a change): no baselines, no ratios. */
  projectOnly?: boolean;
  /** Run the gateway in cluster mode (MQTT through mqemitter-redis, sessions in Redis), as one of several. */
  cluster?: boolean;
  /** Progress lines for a human, on stderr. */
  say: (line: string) => void;
}
