import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReportKeys } from './report-keys.js';

const pem = (): string => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A vehicle repo whose key lookups are counted. */
function countingVehicles(stored: Map<string, string | null>) {
  const reads: string[] = [];
  return {
    reads,
    vehicles: {
      async reportKeyOf(vin: string) {
        reads.push(vin);
        return { known: stored.has(vin), pem: stored.get(vin) ?? null };
      },
    },
  };
}

describe('ReportKeys', () => {
  it('answers from the presence update, also a report that arrives before it answered', async () => {
    const key = pem();
    const { reads, vehicles } = countingVehicles(new Map([['VIN1', key]]));
    const keys = new ReportKeys(vehicles);
    let answer: (pem: string) => void = () => {};
    void keys.expect('VIN1', new Promise<string>((resolve) => (answer = resolve)));
    const early = keys.get('VIN1'); // the report came first
    answer(key);
    expect(await early).toMatchObject({ kind: 'key', key: { pem: key, fresh: false } });
    expect(reads).toEqual([]);
  });

  it('reads the stored key when it remembers none, and says why there is none', async () => {
    const key = pem();
    const { reads, vehicles } = countingVehicles(new Map<string, string | null>([['VIN1', key], ['VIN2', null]]));
    const keys = new ReportKeys(vehicles);
    expect(await keys.get('VIN1')).toMatchObject({ kind: 'key', key: { pem: key, fresh: true } });
    expect(await keys.get('VIN1')).toMatchObject({ kind: 'key', key: { fresh: false } });
    expect(await keys.get('VIN2')).toEqual({ kind: 'no-key' });
    expect(await keys.get('VIN3')).toEqual({ kind: 'unknown-vehicle' });
    // A failed presence update leaves nothing remembered: the report reads the key itself.
    await keys.expect('VIN4', Promise.reject(new Error('postgres down'))).catch(() => {});
    expect(await keys.get('VIN4')).toEqual({ kind: 'unknown-vehicle' });
    expect(reads).toEqual(['VIN1', 'VIN2', 'VIN3', 'VIN4']);
  });
});
