import type { KeyObject } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { VehicleRepo } from '@ota/campaign-core';
import { keyIdOf, publicKeyFromPem } from '@ota/proto';

/** A vehicle's report key: the PEM as registered and the parsed key, by key id, for verifyEnvelope. */
export interface ReportKey {
  pem: string;
  keys: ReadonlyMap<string, KeyObject>;
  /** Read from Postgres for this message (not remembered from earlier). */
  fresh: boolean;
}

export type ReportKeyLookup = { kind: 'key'; key: ReportKey } | { kind: 'unknown-vehicle' } | { kind: 'no-key' };

/** Vehicles whose key is remembered, at most: about half a KiB each. */
export const MAX_REMEMBERED_KEYS = 50_000;

/**
 * The report keys of vehicles, by VIN, most recently used kept. A hint that spares each report a lookup of
 * its own: it is primed when a vehicle connects (the presence update returns the key; a report that arrives
 * before that answer waits for it). Postgres stays the truth: a report is stored only while the key it was
 * checked against is still the vehicle's (APPLY_REPORT), and a signature that fails against a remembered
 * key is checked again against the stored one.
 */
export class ReportKeys {
  private readonly byVin: LRUCache<string, { pem: string; keys?: ReadonlyMap<string, KeyObject> }>;
  /** Presence updates under way, whose answer the vehicle's first report waits for rather than asking again. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly vehicles: Pick<VehicleRepo, 'reportKeyOf'>,
    max = MAX_REMEMBERED_KEYS,
  ) {
    this.byVin = new LRUCache({ max });
  }

  /** What Postgres said the key is, from a statement that read it anyway; null or undefined forget it. */
  remember(vin: string, pem: string | null | undefined): void {
    if (pem) this.byVin.set(vin, { pem });
    else this.byVin.delete(vin);
  }

  /** A statement under way that returns the vehicle's key (the presence update): remembered when it answers. */
  expect(vin: string, answer: Promise<string | null | undefined>): Promise<void> {
    const done = answer.then((pem) => this.remember(vin, pem));
    const settled = done.catch(() => {}).finally(() => {
      if (this.pending.get(vin) === settled) this.pending.delete(vin);
    });
    this.pending.set(vin, settled);
    return done;
  }

  /** The remembered key, or the stored one. */
  async get(vin: string): Promise<ReportKeyLookup> {
    const pending = this.pending.get(vin);
    if (pending) await pending;
    const entry = this.byVin.get(vin);
    if (!entry) return this.read(vin);
    entry.keys ??= parse(entry.pem);
    return { kind: 'key', key: { pem: entry.pem, keys: entry.keys, fresh: false } };
  }

  /** The stored key, read now; remembered for the next report. */
  async read(vin: string): Promise<ReportKeyLookup> {
    const { known, pem } = await this.vehicles.reportKeyOf(vin);
    if (!known || !pem) {
      this.byVin.delete(vin);
      return known ? { kind: 'no-key' } : { kind: 'unknown-vehicle' };
    }
    const keys = parse(pem);
    this.byVin.set(vin, { pem, keys });
    return { kind: 'key', key: { pem, keys, fresh: true } };
  }
}

function parse(pem: string): ReadonlyMap<string, KeyObject> {
  const key = publicKeyFromPem(pem);
  return new Map([[keyIdOf(key), key]]);
}
