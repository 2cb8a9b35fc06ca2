import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { keyIdOf } from '@ota/proto';
import { generateFleet, type VehicleRecord } from './fleet-data.js';
import { SimulatedFleet } from './simulated-fleet.js';

const USAGE = `vehicle-sim [run] --gateway URL (--fleet FILE | --vehicles N [--seed S]) --pki DIR --trusted-key FILE [options]
vehicle-sim fleet --vehicles N [--seed S] [--hardware-mix R]

run     connects the fleet to a gateway over mutual TLS and serves updates until SIGINT/SIGTERM.
        DIR holds ca.cert.pem and vehicles/<VIN>.cert.pem + <VIN>.key.pem; --trusted-key is the director
        public key (PEM), repeatable.
fleet   prints a reproducible fleet's manufacturing data as JSON.

options:
  --time-scale X        simulated flash time factor, 1 = real time (default 1)
  --connect-rate N      vehicles connecting per second (default 200)
  --chunk-window N      chunk requests in flight per vehicle (default 4)`;

class CliError extends Error {}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const { values } = parseArgs({
    args: argv,
    options: {
      gateway: { type: 'string' },
      fleet: { type: 'string' },
      vehicles: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'hardware-mix': { type: 'string', default: '0' },
      pki: { type: 'string' },
      'trusted-key': { type: 'string', multiple: true },
      'time-scale': { type: 'string', default: '1' },
      'connect-rate': { type: 'string', default: '200' },
      'chunk-window': { type: 'string', default: '4' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'fleet') {
    const fleet = generateFleet({
      count: positive(values.vehicles, '--vehicles'),
      seed: positive(values.seed, '--seed', true),
      hardwareMix: Number(values['hardware-mix']),
    });
    process.stdout.write(`${JSON.stringify(fleet, null, 2)}\n`);
    return 0;
  }
  if (command !== 'run') throw new CliError(`unknown command "${command}"`);
  if (!values.gateway) throw new CliError('--gateway is required');
  if (!values.pki) throw new CliError('--pki is required');
  if (!values['trusted-key']?.length) throw new CliError('--trusted-key is required');
  const records: VehicleRecord[] = values.fleet
    ? (JSON.parse(await read(values.fleet)) as VehicleRecord[])
    : generateFleet({ count: positive(values.vehicles, '--vehicles'), seed: positive(values.seed, '--seed', true) });
  const trustedKeys = new Map<string, KeyObject>();
  for (const file of values['trusted-key']) {
    const key = createPublicKey(await read(file));
    trustedKeys.set(keyIdOf(key), key);
  }
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
    trustedKeys,
    timeScale: Number(values['time-scale']),
    connectRatePerSecond: positive(values['connect-rate'], '--connect-rate'),
    chunkWindow: positive(values['chunk-window'], '--chunk-window'),
  });
  fleet.on('result', ({ vin, result }) => console.log(`${vin} ${result.executionId} ${result.success ? 'OK' : 'FAILED'} ${result.description}`));
  await fleet.start();
  console.error(`vehicle-sim: ${records.length} vehicles connected to ${values.gateway}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await fleet.stop();
  return 0;
}

function positive(raw: string | undefined, flag: string, zeroOk = false): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new CliError(`${flag} needs a whole number, got "${raw ?? ''}"`);
  return n;
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
    console.error(`vehicle-sim: ${(err as Error).message}${err instanceof CliError ? `\n\n${USAGE}` : ''}`);
    process.exitCode = err instanceof CliError ? 2 : 1;
  },
);
