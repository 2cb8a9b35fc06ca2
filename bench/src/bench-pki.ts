import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFleetPki, ensureVehicleCredentials, type FleetPki } from '@ota/gateway';
import type { BaselineTls } from './baseline/chunk-protocol.js';

/**
 * One fleet PKI for every bench run, kept under .ota/bench/pki: the gateway, bare aedes and Mosquitto all
 * serve the same server certificate from the same CA (ECDSA P-256), and 10,000 vehicle certificates are
 * issued once, not per run.
 */
export const BENCH_PKI_DIR = process.env.BENCH_PKI_DIR ?? fileURLToPath(new URL('../../.ota/bench/pki', import.meta.url));

export interface BenchPki {
  pki: FleetPki;
  /** TLS options of a client with this VIN's certificate. */
  tlsFor(vin: string): BaselineTls;
}

export async function loadBenchPki(vins: readonly string[]): Promise<BenchPki> {
  const pki = await ensureFleetPki(BENCH_PKI_DIR);
  const creds = await ensureVehicleCredentials(pki, vins);
  return {
    pki,
    tlsFor(vin) {
      const c = creds.get(vin);
      if (!c) throw new Error(`no credentials for ${vin}`);
      return { ca: pki.caCertPem, cert: c.certPem, key: c.keyPem };
    },
  };
}

export function vehicleCertFiles(pki: FleetPki, name: string): { cert: string; key: string } {
  return { cert: join(pki.dir, 'vehicles', `${name}.cert.pem`), key: join(pki.dir, 'vehicles', `${name}.key.pem`) };
}
