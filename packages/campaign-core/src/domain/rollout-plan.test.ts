import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRollout, type RolloutSnapshot } from './campaign-state.js';
import { DEFAULT_ROLLOUT, evaluatePhase, parsePhases, phaseBoundaries, phaseOf, type PhaseCounts, type RolloutPolicy } from './rollout-plan.js';

const counts = (over: Partial<PhaseCounts>): PhaseCounts => ({
  size: 10,
  succeeded: 0,
  failed: 0,
  acknowledged: 0,
  active: 10,
  failureCodes: {},
  ...over,
});
const policy = (over: Partial<RolloutPolicy> = {}): RolloutPolicy => ({ ...DEFAULT_ROLLOUT, ...over });

describe('phases', () => {
  it('parses counts and percentages', () => {
    expect(parsePhases('10,25%,100%')).toEqual([
      { size: { count: 10 }, approval: 'auto' },
      { size: { percent: 25 }, approval: 'auto' },
      { size: { percent: 100 }, approval: 'auto' },
    ]);
    for (const bad of ['', 'ten', '0', '150%', '-5', '1.5']) expect(() => parsePhases(bad), bad).toThrow();
  });

  it('cuts 200 targets into 10, then up to 25%, then the rest', () => {
    expect(phaseBoundaries(200, parsePhases('10,25%,100%'))).toEqual([10, 50, 200]);
    expect(phaseBoundaries(5, parsePhases('10,25%,100%'))).toEqual([5, 5, 5]);
    expect(phaseBoundaries(200, parsePhases('50,10'))).toEqual([50, 200]); // never shrinks, last takes the rest
  });

  it('puts every target in exactly one phase, in order, whatever the plan', () => {
    const spec = fc.oneof(
      fc.integer({ min: 1, max: 500 }).map((count) => ({ size: { count }, approval: 'auto' as const })),
      fc.integer({ min: 1, max: 100 }).map((percent) => ({ size: { percent }, approval: 'auto' as const })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(spec, { minLength: 1, maxLength: 6 }), (total, phases) => {
        const ends = phaseBoundaries(total, phases);
        expect(ends).toHaveLength(phases.length);
        expect(ends.at(-1)).toBe(total);
        for (let i = 1; i < ends.length; i++) expect(ends[i]!).toBeGreaterThanOrEqual(ends[i - 1]!);
        let last = 0;
        for (let i = 0; i < total; i++) {
          const p = phaseOf(i, ends);
          expect(p).toBeGreaterThanOrEqual(last);
          last = p;
        }
      }),
    );
  });
});

describe('evaluatePhase', () => {
  it('pauses on the error share as soon as it is passed, naming the threshold and codes', () => {
    const v = evaluatePhase(0, counts({ failed: 2, active: 8, failureCodes: { INSTALL_FAILED: 2 } }), policy());
    expect(v).toMatchObject({ decision: 'pause', reason: { threshold: 'error-share', phase: 0, failed: 2, limit: 0.1, resultCodes: { INSTALL_FAILED: 2 } } });
    expect(evaluatePhase(0, counts({ failed: 1, active: 9 }), policy())).toEqual({ decision: 'continue' });
  });
  it('pauses on the error count', () => {
    expect(evaluatePhase(1, counts({ size: 1000, failed: 3, active: 997 }), policy({ errorCount: 3 }))).toMatchObject({
      decision: 'pause',
      reason: { threshold: 'error-count', limit: 3 },
    });
  });
  it('opens the next phase at the success threshold, counting confirmed vehicles only', () => {
    expect(evaluatePhase(0, counts({ succeeded: 9, active: 1 }), policy())).toEqual({ decision: 'next' });
    expect(evaluatePhase(0, counts({ succeeded: 8, active: 2 }), policy())).toEqual({ decision: 'continue' });
  });
  it('pauses when a phase ends short of the success threshold without passing the error threshold', () => {
    const p = policy({ successThreshold: 1, errorShare: 0.5 });
    expect(evaluatePhase(0, counts({ succeeded: 9, failed: 1, active: 0 }), p)).toMatchObject({
      decision: 'pause',
      reason: { threshold: 'success-not-reached' },
    });
  });
  it('leaves acknowledged failures out of both thresholds', () => {
    expect(evaluatePhase(0, counts({ succeeded: 7, acknowledged: 3, active: 0 }), policy())).toEqual({ decision: 'next' });
  });
});

describe('decideRollout', () => {
  const snap = (over: Partial<RolloutSnapshot>): RolloutSnapshot => ({
    state: 'running',
    currentPhase: 0,
    awaitingApproval: null,
    phases: [counts({ active: 0, succeeded: 10 }), counts({})],
    ...over,
  });
  const two = policy({ phases: parsePhases('10,100%') });

  it('opens the next phase, or waits for approval when the phase asks for it', () => {
    expect(decideRollout(snap({}), two)).toEqual({ type: 'open-phase', phase: 1 });
    const manual = { ...two, phases: [two.phases[0]!, { ...two.phases[1]!, approval: 'manual' as const }] };
    expect(decideRollout(snap({}), manual)).toEqual({ type: 'await-approval', phase: 1 });
    expect(decideRollout(snap({ awaitingApproval: 1 }), manual)).toEqual({ type: 'none' });
  });
  it('completes after the last phase once nothing is in flight', () => {
    const done = snap({ currentPhase: 1, phases: [counts({ active: 0, succeeded: 10 }), counts({ active: 1, succeeded: 9 })] });
    expect(decideRollout(done, two)).toEqual({ type: 'none' });
    done.phases[1] = counts({ active: 0, succeeded: 10 });
    expect(decideRollout(done, two)).toEqual({ type: 'complete' });
    expect(decideRollout({ ...done, dynamic: true }, two)).toEqual({ type: 'none' }); // keeps taking newcomers
  });
  it('does nothing unless running', () => {
    for (const state of ['draft', 'paused', 'completed', 'cancelled'] as const) {
      expect(decideRollout(snap({ state }), two)).toEqual({ type: 'none' });
    }
  });

  it('whatever order results arrive in, never opens a phase past a threshold breach and never completes early', () => {
    // Each event is the result of one vehicle of the current phase: success or failure, in random order.
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (outcomes, errorShare) => {
        const p = policy({ phases: parsePhases('10,100%'), errorShare, successThreshold: 0.5 });
        const phase = counts({});
        let decision = decideRollout(snap({ phases: [phase, counts({})] }), p);
        for (const ok of outcomes) {
          if (decision.type !== 'none') break;
          phase.active--;
          if (ok) phase.succeeded++;
          else phase.failed++;
          decision = decideRollout(snap({ phases: [{ ...phase }, counts({})] }), p);
        }
        if (decision.type === 'open-phase') expect(phase.failed / phase.size).toBeLessThanOrEqual(errorShare);
        if (decision.type === 'pause') expect(phase.failed / phase.size > errorShare || phase.active === 0).toBe(true);
        expect(decision.type).not.toBe('complete');
      }),
    );
  });
});
