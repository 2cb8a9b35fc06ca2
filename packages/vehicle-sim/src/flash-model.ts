import type { BusName } from './fleet-data.js';

/** Effective programming throughput per bus, bytes per second (shared/reference/automotive-ota.md, section 7). */
export const BUS_BYTES_PER_S: Readonly<Record<BusName, number>> = {
  CAN: 20_000,
  CAN_FD: 80_000,
  LIN: 400,
  ETHERNET: 3_000_000,
};

const SETUP_MS = 1500; // diagnostic session, seed/key, communication control
const ERASE_BYTES_PER_S = 1_000_000;
const VERIFY_BYTES_PER_S = 10_000_000;
const VERIFY_FIXED_MS = 500;
const RESET_MS = 2000;

/**
 * How long a UDS reflash of `bytes` takes on `bus`, scaled by `timeScale` (1 = real time):
 * setup + erase + transfer + verify + reset.
 */
export function flashDurationMs(bus: BusName, bytes: number, timeScale: number): number {
  const ms =
    SETUP_MS +
    (bytes / ERASE_BYTES_PER_S) * 1000 +
    (bytes / BUS_BYTES_PER_S[bus]) * 1000 +
    (bytes / VERIFY_BYTES_PER_S) * 1000 +
    VERIFY_FIXED_MS +
    RESET_MS;
  return ms * timeScale;
}
