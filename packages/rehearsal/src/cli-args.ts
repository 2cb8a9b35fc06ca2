import { parseArgs } from 'node:util';
import { parsePhases } from '@ota/campaign-core';
import { faultKindsHelp, parseFaults } from '@ota/vehicle-sim';

export interface CliArgs {
  vehicles: number;
  /** Absent: the fleet file's size for the target module, else 1 MiB. */
  imageSize: number | undefined;
  seed: number;
  timeScale: number;
  rate: number;
  maxInFlight: number;
  executionTimeoutS: number;
  timeoutS: number;
  dataDir: string;
  mqttPort: number;
  httpPort: number;
  json: boolean;
  keep: boolean;
  help: boolean;
  phases: string | undefined;
  inject: string | undefined;
  consent: 'forced' | 'required';
  errorThreshold: number | undefined;
  successThreshold: number | undefined;
  fleet: string | undefined;
  report: string | undefined;
}

export const USAGE = `pnpm rehearse [options]

Rehearses a rollout on a fleet of virtual vehicles: starts Postgres (DATABASE_URL, else embedded), Redis
(REDIS_URL, else a private redis-server), the gateway and the fleet, then defines an update, uploads its
image and runs a campaign through the admin API. Exits 0 only if every eligible vehicle ends on the new
version in the database.

Options:
  --vehicles N          virtual vehicles (default 20)
  --fleet FILE          fleet description (models, ECUs, regions, battery and link profiles, fault rates;
                        see docs/simulator.md) or a record list; default: the built-in three-ECU fleet
  --image-size BYTES    size of the generated image (default: the fleet file's imageSize of the target
                        ECU, bcm, else 1048576)
  --rate PER_MINUTE     dispatch rate, vehicles per minute (default 6000)
  --max-in-flight N     vehicles between offer and result at once (default 100)
  --time-scale X        simulated flash time factor, 1 = real time (default 0.01)
  --seed N              fleet seed: same seed, same VINs and the same vehicles hit by faults (default 1)
  --phases LIST         rollout waves by cumulative size, e.g. 10,25%,100% (default: one phase)
  --error-threshold R   pause when a phase's failures pass this share, 0..1 (default 0.1)
  --success-threshold R open the next phase at this share confirmed, 0..1 (default 0.9)
  --inject FAULTS       faults on the fleet, e.g. install-failure=0.3,disconnect=0.1
${faultKindsHelp(24, 105)}
  --consent MODE        forced (default) or required: vehicles ask their driver first
  --execution-timeout S per-vehicle timeout in seconds (default 120)
  --timeout S           give up on the campaign after S seconds (default 600)
  --mqtt-port N         MQTT/TLS port, 0 = any free port (default 8883)
  --http-port N         admin API port, 0 = any free port (default 8080)
  --data-dir DIR        embedded Postgres, PKI and logs (default .ota)
  --keep                keep this run's database schema for inspection
  --report DIR          write report.json and report.html (charts: states and throughput over time,
                        time to update, failures by result code) into DIR
  --json                print the summary as one JSON object, as the last line
  -h, --help            this text`;

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        vehicles: { type: 'string', default: '20' },
        'image-size': { type: 'string' },
        fleet: { type: 'string' },
        report: { type: 'string' },
        seed: { type: 'string', default: '1' },
        'time-scale': { type: 'string', default: '0.01' },
        rate: { type: 'string', default: '6000' },
        'max-in-flight': { type: 'string', default: '100' },
        'execution-timeout': { type: 'string', default: '120' },
        timeout: { type: 'string', default: '600' },
        'data-dir': { type: 'string', default: '.ota' },
        'mqtt-port': { type: 'string', default: '8883' },
        'http-port': { type: 'string', default: '8080' },
        phases: { type: 'string' },
        inject: { type: 'string' },
        consent: { type: 'string', default: 'forced' },
        'error-threshold': { type: 'string' },
        'success-threshold': { type: 'string' },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  // Checked here, before anything starts, so a typo costs nothing.
  try {
    if (values.phases !== undefined) parsePhases(values.phases);
    if (values.inject !== undefined) parseFaults(values.inject);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    vehicles: int(values.vehicles, '--vehicles', 1, 20_000),
    imageSize: values['image-size'] === undefined ? undefined : int(values['image-size'], '--image-size', 1, 2 * 1024 ** 3),
    seed: int(values.seed, '--seed', 0, 2 ** 31),
    timeScale: num(values['time-scale'], '--time-scale', 0, 1000),
    rate: int(values.rate, '--rate', 1, 1_000_000),
    maxInFlight: int(values['max-in-flight'], '--max-in-flight', 1, 100_000),
    executionTimeoutS: int(values['execution-timeout'], '--execution-timeout', 1, 86_400),
    timeoutS: int(values.timeout, '--timeout', 1, 7 * 86_400),
    dataDir: values['data-dir'],
    mqttPort: int(values['mqtt-port'], '--mqtt-port', 0, 65_535),
    httpPort: int(values['http-port'], '--http-port', 0, 65_535),
    json: values.json,
    keep: values.keep,
    help: values.help,
    phases: values.phases,
    inject: values.inject,
    consent: consentOf(values.consent),
    errorThreshold: values['error-threshold'] === undefined ? undefined : num(values['error-threshold'], '--error-threshold', 0, 1),
    successThreshold: values['success-threshold'] === undefined ? undefined : num(values['success-threshold'], '--success-threshold', 0, 1),
    fleet: values.fleet,
    report: values.report,
  };
}

function consentOf(raw: string): 'forced' | 'required' {
  if (raw === 'forced' || raw === 'required') return raw;
  throw new UsageError(`--consent must be forced or required, got "${raw}"`);
}

function num(raw: string, flag: string, min: number, max: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a number in ${min}..${max}, got "${raw}"`);
  }
  return n;
}

function int(raw: string, flag: string, min: number, max: number): number {
  const n = num(raw, flag, min, max);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`);
  return n;
}
