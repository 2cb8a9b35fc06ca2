import { createHash } from 'node:crypto';

/** What can go wrong on a vehicle, named after what happens. Rates are shares of the fleet, 0..1. */
export const FAULT_KINDS = {
  'install-failure': 'flashing fails; the ECU keeps its old bank and reports INSTALL_FAILED',
  'corrupt-chunk': 'one chunk arrives corrupted; the vehicle refuses the image (HASH_MISMATCH)',
  disconnect: 'the link drops once mid-download; the vehicle reconnects and resumes',
  'low-battery': 'the first attempt finds the battery too low to flash (LOW_BATTERY, transient); a retry succeeds',
  'consent-decline': 'asked for consent, the driver declines (CONSENT_DECLINED)',
  'consent-postpone': 'asked for consent, the driver postpones the first offer (CONSENT_POSTPONED); a later one is accepted',
} as const;

export type FaultKind = keyof typeof FAULT_KINDS;
export type FaultRates = Partial<Record<FaultKind, number>>;

export class FaultSpecError extends Error {}

/** Parses "install-failure=0.3,disconnect=0.1". */
export function parseFaults(text: string): FaultRates {
  const rates: FaultRates = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, raw] = part.split('=');
    if (!kind || !(kind in FAULT_KINDS)) {
      throw new FaultSpecError(`unknown fault "${kind}"; known: ${Object.keys(FAULT_KINDS).join(', ')}`);
    }
    const rate = Number(raw);
    if (raw === undefined || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new FaultSpecError(`${kind} needs a rate in 0..1, got "${raw ?? ''}"`);
    }
    rates[kind as FaultKind] = rate;
  }
  return rates;
}

/**
 * Whether a fault strikes a given vehicle: decided by a hash of seed, kind and VIN, so the same fleet file,
 * seed and rates always hit the same vehicles, and the share hit matches the rate.
 */
export function strikes(rates: FaultRates, kind: FaultKind, vin: string, seed: number): boolean {
  const rate = rates[kind] ?? 0;
  if (rate <= 0) return false;
  const h = createHash('sha256').update(`${seed}/${kind}/${vin}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000 < rate;
}
