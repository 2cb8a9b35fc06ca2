import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensureFleetPki, ensureVehicleCredentials } from './pki/index.js';

const USAGE = `provision --pki DIR --fleet FILE [--import URL]

Issues a client certificate (CN = VIN) from the fleet CA in DIR for every vehicle in FILE (a JSON array of
manufacturing records, as \`vehicle-sim fleet\` writes), into DIR/vehicles/. With --import, also posts the
records to the admin API at URL, with the token in ADMIN_TOKEN: a record's reportPublicKey (the ed25519
key the vehicle signs its version reports with) is registered with it. Vehicles install the root of
trust from DIR/trust/root-1.pb.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { pki: { type: 'string' }, fleet: { type: 'string' }, import: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.pki || !values.fleet) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const records = JSON.parse(await readFile(values.fleet, 'utf8')) as ({ vin: string } & Record<string, unknown>)[];
  if (!Array.isArray(records) || records.some((r) => typeof r?.vin !== 'string')) {
    console.error(`provision: ${values.fleet} is not a JSON array of vehicle records`);
    return 2;
  }
  const pki = await ensureFleetPki(values.pki);
  await ensureVehicleCredentials(
    pki,
    records.map((r) => r.vin),
  );
  console.error(`provision: ${records.length} vehicle certificates in ${values.pki}/vehicles`);
  if (values.import) {
    const token = process.env.ADMIN_TOKEN;
    if (!token) {
      console.error('provision: --import needs ADMIN_TOKEN');
      return 2;
    }
    const res = await fetch(`${values.import}/v1/vehicles/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ vehicles: records.map(manufacturingData) }),
    });
    const body = await res.text();
    if (!res.ok) {
      console.error(`provision: import refused: ${res.status} ${body}`);
      return 1;
    }
    console.error(`provision: imported ${body}`);
  }
  return 0;
}

/** The fields the import takes; a fleet file may carry more (profiles, faults) that stay with the simulator. */
function manufacturingData(r: Record<string, unknown>): Record<string, unknown> {
  const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  const ecus = Array.isArray(r.ecus) ? (r.ecus as Record<string, unknown>[]) : [];
  return {
    ...pick(r, ['vin', 'engineNumber', 'chassisNumber', 'model', 'region', 'timeZone', 'reportPublicKey']),
    ecus: ecus.map((e) => pick(e, ['module', 'serial', 'hardwareId', 'bus', 'softwareVersion', 'calibration'])),
  };
}

process.exitCode = await main();
