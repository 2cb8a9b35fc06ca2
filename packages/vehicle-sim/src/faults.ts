import { createHash } from 'node:crypto';
import { ota } from '@ota/proto';

/**
 * What can go wrong on a vehicle, named after what happens. Rates are shares of the fleet, 0..1. Flashing
 * faults hit the last ECU of a bundle's install order, so the ones flashed before it show the rollback.
 */
export const FAULT_KINDS = {
  'install-failure': 'flashing fails verification (INSTALL_FAILED); an A/B ECU keeps its old bank, a single-bank one needs a re-flash',
  'corrupt-chunk': 'one chunk arrives corrupted; the vehicle refuses the image (HASH_MISMATCH)',
  disconnect: 'the link drops once mid-download; the vehicle reconnects and resumes',
  'low-battery': 'the first attempt finds the battery too low to flash (LOW_BATTERY, transient); a retry succeeds',
  'consent-decline': 'asked for consent, the driver declines (CONSENT_DECLINED)',
  'consent-postpone': 'asked for consent, the driver postpones the first offer (CONSENT_POSTPONED); a later one is accepted',
  'power-loss': 'power is lost while programming on the first attempt (POWER_LOSS, transient); a single-bank ECU is left without a valid application',
  'boot-failure': 'the new image fails to boot; an A/B ECU switches back to its old bank (ROLLED_BACK)',
  'ecu-not-responding': 'the ECU does not answer on the first attempt (ECU_NOT_RESPONDING, transient); nothing is written',
  'slow-link': 'the link delivers chunks slowly on the first attempt, below the manifest minimum rate if it sets one (SLOW_RETRIEVAL)',
  'not-parked': 'the vehicle is driven (not parked, ignition on) until the first update requiring it to be parked finds it so (PRECONDITIONS_NOT_MET); then the driver parks',
} as const;

export type FaultKind = keyof typeof FAULT_KINDS;

/** "(kinds: ...)" for a CLI's help, broken at spaces into lines of at most `width` characters, each indented. */
export function faultKindsHelp(indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of `(kinds: ${Object.keys(FAULT_KINDS).join(', ')})`.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
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

/** What goes wrong while flashing one ECU; bundle-install.ts turns it into a result by the ECU's bank type. */
export type FlashFault = 'ecu-not-responding' | 'low-battery' | 'power-loss' | 'install-failure' | 'boot-failure';

/** Per-chunk delay of a slow link when the manifest sets no minimum rate. */
const SLOW_LINK_DELAY_MS = 50;

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

  /**
   * How long the link holds each chunk, one after another: half the manifest's minimum rate when it sets one,
   * so the slow-retrieval watchdog trips; 0 when the link is fine.
   */
  chunkDelayMs(attempt: number, chunkSize: number, minBytesPerS: number): number {
    if (attempt > 1 || !this.strikes('slow-link')) return 0;
    return minBytesPerS > 0 ? Math.ceil((2 * chunkSize * 1000) / minBytesPerS) : SLOW_LINK_DELAY_MS;
  }

  /** Whether the vehicle starts out being driven: not parked, ignition on. */
  startsDriven(): boolean {
    return this.strikes('not-parked');
  }

  /** What goes wrong flashing an ECU, if anything. The transient faults strike only the first attempt. */
  flashFault(attempt: number): FlashFault | null {
    const first = attempt <= 1;
    if (first && this.strikes('ecu-not-responding')) return 'ecu-not-responding';
    if (first && this.strikes('low-battery')) return 'low-battery';
    if (first && this.strikes('power-loss')) return 'power-loss';
    if (this.strikes('install-failure')) return 'install-failure';
    if (this.strikes('boot-failure')) return 'boot-failure';
    return null;
  }
}
