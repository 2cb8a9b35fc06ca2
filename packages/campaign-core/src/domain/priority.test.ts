import { describe, expect, it } from 'vitest';
import { PRIORITIES, admit, rank } from './priority.js';

describe('priority admission', () => {
  it('orders urgency', () => {
    expect(PRIORITIES.map(rank)).toEqual([0, 1, 2, 3]);
  });
  it('admits below capacity unless something more urgent waits, and nobody at capacity', () => {
    expect(admit(9, 10, false)).toBe(true);
    expect(admit(9, 10, true)).toBe(false);
    expect(admit(10, 10, false)).toBe(false);
  });
});
