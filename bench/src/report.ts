import { cpus, totalmem } from 'node:os';

/** One figure for the project and each baseline; ratio > 1 means the project is better. */
export interface Comparison {
  unit: string;
  project: number;
  baselines: Record<string, number>;
  /** null when a figure is zero and no ratio is defined (a smoke run can measure no RSS growth). */
  ratio: Record<string, number | null>;
}

export interface BenchResult extends Comparison {
  bench: string;
  /** Further figures, each compared the same way. */
  secondary: Record<string, Comparison>;
  /** Figures of the project alone, with no baseline to compare. */
  extra: Record<string, number>;
  sizes: Record<string, number>;
  /** Which baselines ran where, and anything a reader must know to trust the figures. */
  notes: string[];
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string };
  date: string;
}

/** `better` says which way is good: throughput is 'higher', a cost such as memory or latency 'lower'. */
export function compare(unit: string, project: number, baselines: Record<string, number>, better: 'higher' | 'lower'): Comparison {
  const ratio: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(baselines)) {
    const [num, den] = better === 'higher' ? [project, value] : [value, project];
    ratio[name] = den > 0 && num >= 0 ? round(num / den, 3) : null;
  }
  return { unit, project: round(project, 3), baselines: mapValues(baselines, (v) => round(v, 3)), ratio };
}

export function benchResult(
  bench: string,
  main: Comparison,
  rest: Omit<BenchResult, 'bench' | keyof Comparison | 'machine' | 'date'>,
): BenchResult {
  return {
    bench,
    ...main,
    ...rest,
    extra: mapValues(rest.extra, (v) => round(v, 3)),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function mapValues(o: Record<string, number>, f: (v: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
