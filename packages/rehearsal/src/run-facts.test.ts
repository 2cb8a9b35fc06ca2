import { describe, expect, it } from 'vitest';
import { defaultFleetDescription, generateFromDescription } from '@ota/vehicle-sim';
import { fleetMix, meanFlashMs, projectDuration } from './run-facts.js';

describe('projectDuration', () => {
  it('adds back the flash time the time scale took away, per vehicle, at the max-in-flight limit', () => {
    // 1000 vehicles, 100 at once, 2 s each measured of which 0.3 s flashing (30 s real at 0.01).
    const p = projectDuration({ medianTimeToUpdateMs: 2000, flashMsReal: 30_000, timeScale: 0.01, eligible: 1000, ratePerMinute: 1_000_000, maxInFlight: 100 });
    expect(p.flashMsScaled).toBe(300);
    // 31.7 s per vehicle, 100 in flight: 999 / (100 / 31700) + 31700
    expect(p.projectedRealTimeMs).toBe(Math.round((999 * 31_700) / 100 + 31_700));
    expect(p.modelAtRunScaleMs).toBe(Math.round((999 * 2000) / 100 + 2000));
  });

  it('is bound by the dispatch rate when that is lower', () => {
    const p = projectDuration({ medianTimeToUpdateMs: 1000, flashMsReal: 0, timeScale: 1, eligible: 61, ratePerMinute: 60, maxInFlight: 1000 });
    expect(p.projectedRealTimeMs).toBe(60 * 1000 + 1000);
  });

  it('cannot project without a success', () => {
    expect(projectDuration({ medianTimeToUpdateMs: null, flashMsReal: 1, timeScale: 1, eligible: 5, ratePerMinute: 1, maxInFlight: 1 }).projectedRealTimeMs).toBeNull();
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
