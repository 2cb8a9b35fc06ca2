import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { anchorRoot, isRootRefusal, ota } from '@ota/proto';
import { FaultSpecError, faultKindsHelp, parseFaults, type FaultRates } from './faults.js';
import { generateFleet } from './fleet-data.js';
import { loadFleetFile } from './fleet-file-load.js';
import { plainMember, type FleetMember } from './fleet-file.js';
import { FleetFileError } from './fleet-file-validate.js';
import { SimulatedFleet } from './simulated-fleet.js';
import { watchFleet } from './cli-progress.js';

const USAGE = `vehicle-sim [run] --gateway URL (--fleet FILE | --vehicles N) [--seed S] --pki DIR --trust-root FILE [options]
vehicle-sim fleet --vehicles N [--fleet FILE] [--seed S] [--hardware-mix R]

run     connects the fleet to a gateway over mutual TLS and serves updates until SIGINT/SIGTERM.
        DIR holds ca.cert.pem and vehicles/<VIN>.cert.pem + <VIN>.key.pem; --trust-root is the signed
        root metadata, version 1 (binary Signed{RootMetadata}), every vehicle's root of trust.
fleet   prints a reproducible fleet's manufacturing data as JSON (what provisioning and the admin API take).

--fleet FILE is a fleet description (models, ECU layouts, regions, battery and link profiles, fault rates;
see docs/simulator.md and packages/vehicle-sim/fleets/example.json), generated to --vehicles N from --seed,
or a JSON array of records as \`vehicle-sim fleet\` writes. Without --fleet: the default three-ECU fleet.

options:
  --vehicles N          how many vehicles to generate
  --seed S              fleet seed: same file and seed, same VINs, serials, versions and profiles (default 1)
  --inject FAULTS       fault rates for every vehicle, over the file's, e.g. install-failure=0.3,disconnect=0.1
${faultKindsHelp(24, 110)}
  --time-scale X        simulated flash time factor, 1 = real time (default 1)
  --connect-rate N      vehicles connecting per second (default 200)
  --reconnect-period MS base of the jittered exponential reconnect backoff (default 1000)
  --chunk-window N      chunk requests in flight per vehicle (default 4)
  -h, --help            this text

On a terminal, run draws a bar per vehicle state and the download throughput on stdout; otherwise it
prints one line per install result on stdout and a status line on stderr every 10 s.`;

class CliError extends Error {}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const values = parseFlags(argv);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'fleet') {
    const fleet = values.fleet
      ? (await load(values.fleet, values)).map((m) => m.record)
      : generateFleet({
          count: whole(values.vehicles, '--vehicles'),
          seed: whole(values.seed, '--seed', 0),
          hardwareMix: share(values['hardware-mix'], '--hardware-mix'),
        });
    process.stdout.write(`${JSON.stringify(fleet, null, 2)}\n`);
    return 0;
  }
  if (command !== 'run') throw new CliError(`unknown command "${command}"`);
  if (!values.gateway) throw new CliError('--gateway is required');
  if (!values.pki) throw new CliError('--pki is required');
  if (!values['trust-root']) throw new CliError('--trust-root is required');
  if (!values.fleet && values.vehicles === undefined) throw new CliError('--fleet or --vehicles is required');
  const timeScale = Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale < 0) throw new CliError(`--time-scale needs a number >= 0, got "${values['time-scale']}"`);
  const faults = injected(values.inject);
  const members = values.fleet
    ? await load(values.fleet, values)
    : generateFleet({ count: whole(values.vehicles, '--vehicles'), seed: whole(values.seed, '--seed', 0) }).map(plainMember);
  const records = members.map((m) => m.record);
  const trustRoot = await readTrustRoot(values['trust-root']);
  const pki = values.pki;
  const credentials = new Map<string, { cert: string; key: string }>();
  for (const r of records) {
    credentials.set(r.vin, {
      cert: await read(join(pki, 'vehicles', `${r.vin}.cert.pem`)),
      key: await read(join(pki, 'vehicles', `${r.vin}.key.pem`)),
    });
  }
  const fleet = new SimulatedFleet({
    members,
    gatewayUrl: values.gateway,
    ca: await read(join(pki, 'ca.cert.pem')),
    credentialsFor: (vin) => credentials.get(vin)!,
    trustRoot,
    timeScale,
    connectRatePerSecond: whole(values['connect-rate'], '--connect-rate'),
    reconnectPeriodMs: whole(values['reconnect-period'], '--reconnect-period'),
    chunkWindow: whole(values['chunk-window'], '--chunk-window'),
    ...(faults ? { faults } : {}),
    faultSeed: whole(values.seed, '--seed', 0), // picks the vehicles faults hit, from --inject or the fleet file
  });
  const live = process.stdout.isTTY;
  if (!live) {
    fleet.on('result', ({ vin, result }: { vin: string; result: ota.v1.IInstallResult }) => {
      const code = ota.v1.ResultCode[result.code ?? 0] ?? result.code;
      console.log(`${vin} ${result.executionId} ${code} ${result.description}`);
    });
  }
  const watch = watchFleet(fleet, live ? process.stdout : process.stderr, live ? 500 : 10_000);
  // Listen before connecting: a signal during a long connect ramp still ends in a clean stop.
  const stopRequested = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const begin = Date.now();
  try {
    // A signal during the connect ramp stops it too, rather than waiting for 10k vehicles to try.
    const early = await Promise.race([fleet.start().then(() => null), stopRequested]);
    if (early === null) {
      const rss = process.memoryUsage().rss;
      watch.say(`vehicle-sim: ${records.length} vehicles connected to ${values.gateway} in ${((Date.now() - begin) / 1000).toFixed(1)} s; RSS ${(rss / 2 ** 20).toFixed(0)} MiB (${(rss / records.length / 1024).toFixed(0)} KiB per vehicle)`);
    }
    const signal = early ?? (await stopRequested);
    watch.say(`vehicle-sim: ${signal}, disconnecting`);
  } finally {
    watch.stop();
    await fleet.stop();
  }
  const stats = fleet.stats;
  console.error(`vehicle-sim: stopped; ${stats.results} results ${JSON.stringify(stats.resultsByCode)}, ${stats.bytesReceived} bytes received`);
  return 0;
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        gateway: { type: 'string' },
        fleet: { type: 'string' },
        vehicles: { type: 'string' },
        seed: { type: 'string', default: '1' },
        'hardware-mix': { type: 'string', default: '0' },
        pki: { type: 'string' },
        'trust-root': { type: 'string' },
        'time-scale': { type: 'string', default: '1' },
        'connect-rate': { type: 'string', default: '200' },
        'reconnect-period': { type: 'string', default: '1000' },
        inject: { type: 'string' },
        'chunk-window': { type: 'string', default: '4' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    // parseArgs names the flag: "Unknown option '--x'", "Option '--gateway <value>' argument missing".
    throw new CliError((err as Error).message);
  }
}

function whole(raw: string | undefined, flag: string, min = 1): number {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !Number.isInteger(n) || n < min) {
    throw new CliError(`${flag} needs a whole number >= ${min}, got "${raw ?? ''}"`);
  }
  return n;
}

function share(raw: string | undefined, flag: string): number {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !(n >= 0 && n <= 1)) throw new CliError(`${flag} needs a number in 0..1, got "${raw ?? ''}"`);
  return n;
}

async function load(path: string, values: { vehicles?: string | undefined; seed?: string | undefined }): Promise<FleetMember[]> {
  const seed = whole(values.seed, '--seed', 0);
  const count = values.vehicles === undefined ? undefined : whole(values.vehicles, '--vehicles');
  try {
    return (await loadFleetFile(path, { count, seed })).members;
  } catch (err) {
    throw err instanceof FleetFileError ? new CliError(err.message) : err;
  }
}

function injected(spec: string | undefined): FaultRates | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseFaults(spec);
  } catch (err) {
    throw err instanceof FaultSpecError ? new CliError(`--inject: ${err.message}`) : err;
  }
}

async function readTrustRoot(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const root = anchorRoot(bytes);
  if (isRootRefusal(root)) throw new CliError(`${path} is not a trust root: ${root.description}`);
  return bytes;
}

async function read(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    // One line, naming the flag or file; usage only on request.
    const usage = err instanceof CliError ? ' (vehicle-sim --help for usage)' : '';
    console.error(`vehicle-sim: ${(err as Error).message}${usage}`);
    process.exitCode = err instanceof CliError ? 2 : 1;
  },
);
