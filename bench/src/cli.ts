import { parseArgs } from 'node:util';
import { benchApi } from './benches/api.js';
import { benchConnect } from './benches/connect.js';
import { benchDelivery } from './benches/delivery.js';
import { benchDispatch } from './benches/dispatch.js';
import type { BenchOptions } from './benches/options.js';
import type { BenchResult } from './report.js';

const BENCHES: Record<string, (opts: BenchOptions) => Promise<BenchResult>> = {
  connect: benchConnect,
  delivery: benchDelivery,
  dispatch: benchDispatch,
  api: benchApi,
};

const USAGE = `usage: pnpm bench <${Object.keys(BENCHES).join('|')}> [--json] [--smoke] [--vehicles N] [--image-size BYTES]
  [--concurrency N] [--window N] [--duration S] [--rates 100,1000] [--warmup N] [--project-only] [--cluster]
Progress goes to stderr; with --json the last stdout line is the result as one JSON object.
--warmup N (delivery): N vehicles download once, unmeasured, before the measured round, on each system
  alike (default: the whole fleet, so the measured round is a steady state; 0 measures a cold start).
  (connect): 0 measures the cold round alone; otherwise rate and CPU come from a second round.
--project-only (delivery): skip the baselines, for profiling or iterating on a change; no ratios.
--cluster (delivery): the gateway in cluster mode (MQTT_CLUSTER=1: mqemitter-redis, sessions in Redis), as one
  of several gateways would run; the baselines stay as they are.`;

/** An integer option of at least `min` (1 unless said); undefined when not given. */
function whole(value: string | undefined, name: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`${name} must be ${min > 0 ? 'a positive integer' : 'a whole number'}, got "${value}"`);
  return n;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      vehicles: { type: 'string' },
      'image-size': { type: 'string' },
      concurrency: { type: 'string' },
      window: { type: 'string' },
      duration: { type: 'string' },
      rates: { type: 'string' },
      warmup: { type: 'string' },
      'project-only': { type: 'boolean', default: false },
      cluster: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  fail((err as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const name = positionals[0];
const bench = name ? BENCHES[name] : undefined;
if (!bench || positionals.length > 1) fail(name ? `unknown bench "${positionals.join(' ')}"` : 'name a bench');

const result = await bench({
  smoke: values.smoke,
  vehicles: whole(values.vehicles, '--vehicles'),
  imageSize: whole(values['image-size'], '--image-size'),
  concurrency: whole(values.concurrency, '--concurrency'),
  window: whole(values.window, '--window'),
  durationS: whole(values.duration, '--duration'),
  rates: values.rates?.split(',').map((r) => whole(r, '--rates')!),
  warmup: whole(values.warmup, '--warmup', 0),
  projectOnly: values['project-only'],
  cluster: values.cluster,
  say: (line) => console.error(line),
});
console.error(
  `${result.bench}: project ${result.project} ${result.unit}; ` +
    Object.entries(result.baselines).map(([k, v]) => `${k} ${v} (ratio ${result.ratio[k]})`).join(', '),
);
if (values.json) console.log(JSON.stringify(result));
process.exit(0);
