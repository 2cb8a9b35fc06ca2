import { describe, expect, it } from 'vitest';
import { BUS_BYTES_PER_S, flashDurationMs, flashPhasesMs } from './flash-model.js';

describe('flashDurationMs', () => {
  it('adds setup, erase, transfer at the bus rate, verify and reset', () => {
    const bytes = 1_000_000;
    // 1.5 s setup + 1 s erase (1 MB/s) + 50 s transfer (20 KB/s) + 0.1 s verify (10 MB/s) + 0.5 s + 2 s reset
    expect(flashDurationMs('CAN', bytes, 1)).toBeCloseTo(55_100, 6);
    expect(flashDurationMs('CAN_FD', bytes, 1)).toBeCloseTo(1500 + 1000 + 12_500 + 100 + 500 + 2000, 6);
    expect(flashDurationMs('LIN', bytes, 1)).toBeCloseTo(1500 + 1000 + 2_500_000 + 100 + 500 + 2000, 6);
    expect(flashDurationMs('ETHERNET', 3_000_000, 1)).toBeCloseTo(1500 + 3000 + 1000 + 300 + 500 + 2000, 6);
  });

  it('uses the reference rates: CAN 20 KB/s, CAN FD 80 KB/s, LIN 0.4 KB/s, Ethernet 3 MB/s', () => {
    expect(BUS_BYTES_PER_S).toEqual({ CAN: 20_000, CAN_FD: 80_000, LIN: 400, ETHERNET: 3_000_000 });
  });

  it('costs 4 s of fixed overhead for an empty image, and grows with the size', () => {
    expect(flashDurationMs('CAN', 0, 1)).toBe(4000);
    expect(flashDurationMs('CAN', 2000, 1)).toBeGreaterThan(flashDurationMs('CAN', 1000, 1));
  });

  it('scales with the time factor', () => {
    expect(flashDurationMs('CAN', 512 * 1024, 0.01)).toBeCloseTo(flashDurationMs('CAN', 512 * 1024, 1) / 100, 6);
    expect(flashDurationMs('LIN', 32 * 1024, 0)).toBe(0);
  });
});

describe('per-ECU flash timing', () => {
  it('overrides the bus rate and the fixed phases, keeping the defaults for the rest', () => {
    // A Linux SoC on DoIP: 3 MB/s programming, 40 s reset.
    const ms = flashDurationMs('ETHERNET', 30_000_000, 1, { busBytesPerS: 3_000_000, resetMs: 40_000 });
    expect(ms).toBeCloseTo(1500 + 30_000 + 10_000 + 3000 + 500 + 40_000, 6);
    expect(flashDurationMs('ETHERNET', 384_000, 1, { busBytesPerS: 50_000 })).toBeCloseTo(1500 + 384 + 7680 + 38.4 + 500 + 2000, 6);
  });

  it('breaks a flash into its phases, which add up to the duration', () => {
    const p = flashPhasesMs('CAN_FD', 4_000_000);
    expect(p).toEqual({ setupMs: 1500, eraseMs: 4000, transferMs: 50_000, verifyMs: 900, resetMs: 2000 });
    expect(p.setupMs + p.eraseMs + p.transferMs + p.verifyMs + p.resetMs).toBeCloseTo(flashDurationMs('CAN_FD', 4_000_000, 1), 6);
  });

  it('matches the reference anchors: 4 MB powertrain about 51 s of transfer on CAN FD, 32 KB LIN about 80 s', () => {
    expect(flashPhasesMs('CAN_FD', 4 * 1024 * 1024).transferMs / 1000).toBeCloseTo(52.4, 1);
    expect(flashPhasesMs('LIN', 32 * 1024).transferMs / 1000).toBeCloseTo(81.9, 1);
  });
});
