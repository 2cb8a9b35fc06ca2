import { describe, expect, it } from 'vitest';
import { limiterFor } from './pacing.js';

describe('limiterFor', () => {
  it('keeps the rate and windows of at most ~100 ms above 600/min', () => {
    for (const rate of [600, 1200, 6000, 60_000]) {
      const { max, duration } = limiterFor(rate);
      expect(duration).toBe(100);
      expect((max * 60_000) / duration).toBeCloseTo(rate, 0);
    }
  });
  it('spaces single jobs out below 600/min', () => {
    expect(limiterFor(60)).toEqual({ max: 1, duration: 1000 });
    expect(limiterFor(1)).toEqual({ max: 1, duration: 60_000 });
  });
});
