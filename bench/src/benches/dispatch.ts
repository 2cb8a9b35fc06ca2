import type { BenchOptions } from './options.js';
import type { BenchResult } from '../report.js';
export async function benchDispatch(_opts: BenchOptions): Promise<BenchResult> { throw new Error('not yet'); }
