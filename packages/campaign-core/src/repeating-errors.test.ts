import { describe, expect, it } from 'vitest';
import { RepeatingErrors } from './repeating-errors.js';

describe('RepeatingErrors', () => {
  it('logs the first of each kind at once, then one per interval with how many were held back', () => {
    const lines: { obj: Record<string, unknown>; msg?: string }[] = [];
    const log = { info() {}, error() {}, warn: (obj: object, msg?: string) => lines.push({ obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) }) };
    let now = 0;
    const errors = new RepeatingErrors(log, 30_000, () => now);
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    for (; now < 60_000; now += 1000) errors.warn('flash queue error', refused, { campaignId: 'c1' });
    errors.warn('flash queue error', new Error('READONLY You cannot write against a read only replica.'), { campaignId: 'c1' });
    expect(lines).toEqual([
      { obj: { campaignId: 'c1', err: 'connect ECONNREFUSED 127.0.0.1:6379' }, msg: 'flash queue error' },
      { obj: { campaignId: 'c1', err: 'connect ECONNREFUSED 127.0.0.1:6379', heldBack: 29, sinceMs: 30_000 }, msg: 'flash queue error' },
      { obj: { campaignId: 'c1', err: 'READONLY You cannot write against a read only replica.' }, msg: 'flash queue error' },
    ]);
  });
});
