import { describe, expect, it } from 'vitest';
import { defaultFleetDescription, generateFromDescription } from '@ota/vehicle-sim';
import { fleetMix, meanFlashMs, projectDuration } from './run-facts.js';

describe('projectDuration', () => {
  it('adds back the flash time the time scale took away, per vehicle, at the max-in-flight limit', () => {
    // 1000 vehicles, 100 at once, 2 s each measured of which 0.3 s flashing (30 s real at 0.01).
    // Measured 25 s; the model says 21.98 s for this run and 31.7 s per vehicle, 100 in flight, at real time.
    const p = projectDuration({ measuredMs: 25_000, meanTimeToUpdateMs: 2000, flashMsReal: 30_000, timeScale: 0.01, eligible: 1000, ratePerMinute: 1_000_000, maxInFlight: 100 });
    expect(p.flashMsScaled).toBe(300);
    expect(p.modelAtRunScaleMs).toBe(Math.round((999 * 2000) / 100 + 2000));
    expect(p.projectedRealTimeMs).toBe(Math.round(25_000 + ((999 * 31_700) / 100 + 31_700) - ((999 * 2000) / 100 + 2000)));
  });

  it('is bound by the dispatch rate when that is lower', () => {
    // 1 vehicle a second; 10 s of real flashing per vehicle only lengthens the tail.
    const p = projectDuration({ measuredMs: 61_500, meanTimeToUpdateMs: 1000, flashMsReal: 10_000, timeScale: 0.01, eligible: 61, ratePerMinute: 60, maxInFlight: 1000 });
    expect(p.modelAtRunScaleMs).toBe(61_000);
    expect(p.projectedRealTimeMs).toBe(61_500 + 9_900);
  });

  it('cannot project without a success', () => {
    expect(projectDuration({ measuredMs: 1, meanTimeToUpdateMs: null, flashMsReal: 1, timeScale: 1, eligible: 5, ratePerMinute: 1, maxInFlight: 1 }).projectedRealTimeMs).toBeNull();
  });
});

describe('fleet facts', () => {
  const members = generateFromDescription(defaultFleetDescription(), { count: 30, seed: 1 });
  it('counts the fleet by model, region and profile', () => {
    const mix = fleetMix(members, 'default', 1);
    expect(Object.values(mix.models).reduce((a, b) => a + b, 0)).toBe(30);
    expect(mix.battery).toEqual({ healthy: 30 });
    expect(mix.links).toEqual({ unshaped: 30 });
  });
  it('averages the target ECU flash time at real time', () => {
    expect(meanFlashMs(members, 'bcm', 1_000_000)).toBeCloseTo(55_100, 6);
    expect(meanFlashMs(members, 'nope', 1_000_000)).toBe(0);
  });
});
