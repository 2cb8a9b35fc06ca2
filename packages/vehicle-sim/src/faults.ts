import { createHash } from 'node:crypto';
import { ota } from '@ota/proto';

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

type Failure = { code: ota.v1.ResultCode; description: string };

/** The faults that strike one vehicle, and what each does to it. Without rates, nothing ever goes wrong. */
export class FaultPlan {
  constructor(
    private readonly rates: FaultRates,
    private readonly vin: string,
    private readonly seed: number,
  ) {}

  strikes(kind: FaultKind): boolean {
    return strikes(this.rates, kind, this.vin, this.seed);
  }

  /** The driver's answer when the signed manifest asks for consent; null when the driver accepts. */
  consentRefusal(attempt: number): Failure | null {
    if (this.strikes('consent-decline')) return { code: ota.v1.ResultCode.CONSENT_DECLINED, description: 'driver declined' };
    if (this.strikes('consent-postpone') && attempt <= 1) return { code: ota.v1.ResultCode.CONSENT_POSTPONED, description: 'driver postponed' };
    return null;
  }

  /** A chunk as the link delivers it: the second one arrives with a flipped byte when 'corrupt-chunk' strikes. */
  deliver(index: number, chunkCount: number, data: Uint8Array): Uint8Array {
    if (index !== Math.min(1, chunkCount - 1) || !this.strikes('corrupt-chunk')) return data;
    const corrupted = Buffer.from(data);
    corrupted[0]! ^= 0xff; // what a bad modem or a tampering proxy would deliver
    return corrupted;
  }

  /** Whether the link drops as this chunk arrives: once, halfway through, when 'disconnect' strikes. */
  dropsLinkAt(index: number, chunkCount: number): boolean {
    return index === Math.floor(chunkCount / 2) && this.strikes('disconnect');
  }

  /** Why a flash fails, if it does. */
  flashFailure(attempt: number): Failure | null {
    if (this.strikes('low-battery') && attempt <= 1) {
      // Checked before writing, as an ECU's preconditions routine would: nothing was flashed.
      return { code: ota.v1.ResultCode.LOW_BATTERY, description: 'battery below the flashing threshold (injected)' };
    }
    if (this.strikes('install-failure')) {
      // A/B: the write to the inactive bank failed verification; the active bank, and the version, stay.
      return { code: ota.v1.ResultCode.INSTALL_FAILED, description: 'flash verification failed (injected)' };
    }
    return null;
  }
}
