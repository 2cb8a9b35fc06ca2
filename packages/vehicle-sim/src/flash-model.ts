import type { BusName } from './fleet-data.js';

/** Effective programming throughput per bus, bytes per second (shared/reference/automotive-ota.md, section 7). */
export const BUS_BYTES_PER_S: Readonly<Record<BusName, number>> = {
  CAN: 20_000,
  CAN_FD: 80_000,
  LIN: 400,
  ETHERNET: 3_000_000,
};

/**
 * How one ECU reflashes: every field may be overridden per ECU in a fleet file; absent fields take the
 * reference defaults (automotive-ota.md section 7: t = setup + erase + transfer + verify + reset).
 */
export interface FlashTiming {
  /** Programming throughput over the bus, bytes/s; the bus default when absent. */
  busBytesPerS?: number;
  /** Diagnostic session, seed/key, communication control. */
  setupMs?: number;
  eraseBytesPerS?: number;
  verifyBytesPerS?: number;
  /** The checksum/signature routine's fixed cost (31 01 FF01). */
  verifyFixedMs?: number;
  /** ECU reset: 1-5 s for an MCU, 20-60 s for a Linux SoC. */
  resetMs?: number;
}

export const DEFAULT_TIMING: Readonly<Required<Omit<FlashTiming, 'busBytesPerS'>>> = {
  setupMs: 1500,
  eraseBytesPerS: 1_000_000,
  verifyBytesPerS: 10_000_000,
  verifyFixedMs: 500,
  resetMs: 2000,
};

/** Real-time milliseconds of each UDS programming phase. */
export interface FlashPhases {
  setupMs: number;
  eraseMs: number;
  transferMs: number;
  verifyMs: number;
  resetMs: number;
}

export function flashPhasesMs(bus: BusName, bytes: number, timing: FlashTiming = {}): FlashPhases {
  const t = { ...DEFAULT_TIMING, ...timing };
  return {
    setupMs: t.setupMs,
    eraseMs: (bytes / t.eraseBytesPerS) * 1000,
    transferMs: (bytes / (timing.busBytesPerS ?? BUS_BYTES_PER_S[bus])) * 1000,
    verifyMs: (bytes / t.verifyBytesPerS) * 1000 + t.verifyFixedMs,
    resetMs: t.resetMs,
  };
}

/**
 * How long a UDS reflash of `bytes` takes on `bus`, scaled by `timeScale` (1 = real time):
 * setup + erase + transfer + verify + reset, with the ECU's own timing where it has one.
 */
export function flashDurationMs(bus: BusName, bytes: number, timeScale: number, timing: FlashTiming = {}): number {
  const p = flashPhasesMs(bus, bytes, timing);
  return (p.setupMs + p.eraseMs + p.transferMs + p.verifyMs + p.resetMs) * timeScale;
}
