import { describe, expect, it } from 'vitest';
import { EXECUTION_STATES, TERMINAL_STATES, checkTransition, statesLeadingTo } from './execution-state.js';

describe('execution state machine', () => {
  it('walks the happy path', () => {
    const path = ['queued', 'offered', 'downloading', 'installing', 'installed', 'succeeded'] as const;
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1]!, path[i]!)).toEqual({ ok: true });
  });
  it('never leaves a final state', () => {
    for (const from of TERMINAL_STATES) {
      for (const to of EXECUTION_STATES) {
        expect(checkTransition(from, to)).toEqual({ ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION' });
      }
    }
  });
  it('never moves backwards or skips the offer', () => {
    expect(checkTransition('installing', 'downloading').ok).toBe(false);
    expect(checkTransition('queued', 'succeeded').ok).toBe(false);
    expect(checkTransition('queued', 'downloading').ok).toBe(false);
  });
  it('lists where a state can be entered from', () => {
    expect(statesLeadingTo('offered')).toEqual(['queued', 'retry_wait']);
    expect(statesLeadingTo('succeeded')).toEqual(['offered', 'downloading', 'installing', 'installed']);
  });
});
