import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { toManufacturingImport, type ManufacturingRecord } from './http/manufacturing-import.js';
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
  const records = JSON.parse(await readFile(values.fleet, 'utf8')) as ManufacturingRecord[];
  if (!Array.isArray(records) || records.some((r) => typeof r?.vin !== 'string' || !Array.isArray(r.ecus))) {
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
      body: JSON.stringify({ vehicles: records.map(toManufacturingImport) }),
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

process.exitCode = await main();
