import { describe, expect, it } from 'vitest';
import { ResultLog } from './result-log.js';

const bytes = (n: number) => Uint8Array.of(n);

describe('ResultLog', () => {
  it('answers a repeated attempt with the stored result, and forgets it for a newer attempt', () => {
    const log = new ResultLog();
    log.remember('e1', 1, bytes(1));
    expect(log.answerFor('e1', 1)).toEqual(bytes(1));
    expect(log.answerFor('e1', 0)).toEqual(bytes(1));
    expect(log.answerFor('e1', 2)).toBeUndefined();
    expect(log.get('e1')).toBeUndefined();
    expect(log.answerFor('e2', 1)).toBeUndefined();
  });

  it('keeps only the most recent executions', () => {
    const log = new ResultLog(2);
    log.remember('a', 1, bytes(1));
    log.remember('b', 1, bytes(2));
    log.remember('a', 1, bytes(3)); // refreshed: now the newest
    log.remember('c', 1, bytes(4));
    expect(log.get('b')).toBeUndefined();
    expect(log.get('a')).toEqual(bytes(3));
    expect(log.get('c')).toEqual(bytes(4));
  });
});
