import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { anchorRoot, isRootRefusal, ota } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { SimulatedFleet } from './simulated-fleet.js';

const USAGE = `vehicle-sim [run] --gateway URL (--fleet FILE | --vehicles N [--seed S]) --pki DIR --trust-root FILE [options]
vehicle-sim fleet --vehicles N [--seed S] [--hardware-mix R]

run     connects the fleet to a gateway over mutual TLS and serves updates until SIGINT/SIGTERM.
        DIR holds ca.cert.pem and vehicles/<VIN>.cert.pem + <VIN>.key.pem; --trust-root is the signed
        root metadata, version 1 (binary Signed{RootMetadata}), every vehicle's root of trust.
fleet   prints a reproducible fleet's manufacturing data as JSON.

options:
  --time-scale X        simulated flash time factor, 1 = real time (default 1)
  --connect-rate N      vehicles connecting per second (default 200)
  --chunk-window N      chunk requests in flight per vehicle (default 4)`;

class CliError extends Error {}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const values = parseFlags(argv);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'fleet') {
    const fleet = generateFleet({
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
  const records = values.fleet
    ? parseFleet(await read(values.fleet), values.fleet)
    : generateFleet({ count: whole(values.vehicles, '--vehicles'), seed: whole(values.seed, '--seed', 0) });
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
    records,
    gatewayUrl: values.gateway,
    ca: await read(join(pki, 'ca.cert.pem')),
    credentialsFor: (vin) => credentials.get(vin)!,
    trustRoot,
    timeScale,
    connectRatePerSecond: whole(values['connect-rate'], '--connect-rate'),
    chunkWindow: whole(values['chunk-window'], '--chunk-window'),
  });
  fleet.on('result', ({ vin, result }: { vin: string; result: ota.v1.IInstallResult }) => {
    const code = ota.v1.ResultCode[result.code ?? 0] ?? result.code;
    console.log(`${vin} ${result.executionId} ${code} ${result.description}`);
  });
  // Listen before connecting: a signal during a long connect ramp still ends in a clean stop.
  const stopRequested = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  try {
    await fleet.start();
    console.error(`vehicle-sim: ${records.length} vehicles connected to ${values.gateway}`);
    const signal = await stopRequested;
    console.error(`vehicle-sim: ${signal}, disconnecting`);
  } finally {
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

function parseFleet(text: string, path: string): VehicleRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${path} is not JSON: ${(err as Error).message}`);
  }
  const isRecord = (r: unknown) =>
    typeof r === 'object' && r !== null && typeof (r as VehicleRecord).vin === 'string' && Array.isArray((r as VehicleRecord).ecus);
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isRecord)) {
    throw new CliError(`${path} must be a non-empty JSON array of vehicles with "vin" and "ecus", as \`vehicle-sim fleet\` writes`);
  }
  return parsed as VehicleRecord[];
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
