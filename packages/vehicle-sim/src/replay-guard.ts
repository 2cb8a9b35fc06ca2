import { randomBytes } from 'node:crypto';

const NONCES_KEPT = 8;
const COUNTERS_KEPT = 256;

/**
 * Uptane freshness on the vehicle: every version report carries a fresh nonce, and a manifest must echo one
 * of the last few, so a manifest signed before them is a replay. Manifest counters are accepted once each:
 * a set of the recent ones, plus a floor below which everything counts as seen (the set stays bounded while
 * counters signed for different campaigns may still arrive out of order).
 */
export class ReplayGuard {
  private readonly nonces: Buffer[] = [];
  private readonly counters = new Set<number>();
  private floor = -1;

  /** A fresh 16-byte nonce for the next report, remembered among the last eight. */
  freshNonce(): Buffer {
    const nonce = randomBytes(16);
    this.nonces.push(nonce);
    if (this.nonces.length > NONCES_KEPT) this.nonces.shift();
    return nonce;
  }

  knowsNonce(nonce: Uint8Array): boolean {
    return nonce.length > 0 && this.nonces.some((n) => n.equals(nonce));
  }

  counterUsed(counter: number): boolean {
    return counter <= this.floor || this.counters.has(counter);
  }

  /** Records a counter as accepted; the smallest falls below the floor when the set is full. */
  useCounter(counter: number): void {
    this.counters.add(counter);
    if (this.counters.size <= COUNTERS_KEPT) return;
    const smallest = Math.min(...this.counters);
    this.counters.delete(smallest);
    this.floor = Math.max(this.floor, smallest);
  }
}
