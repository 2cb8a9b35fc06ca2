import { describe, expect, it } from 'vitest';
import { decideRetry, finalStateFor } from './retry-policy.js';

describe('decideRetry', () => {
  const policy = { maxAttempts: 3, backoffS: 10, factor: 3 };
  it('retries transient results with exponential backoff until the attempts run out', () => {
    expect(decideRetry('LOW_BATTERY', 1, policy)).toEqual({ retry: true, delayMs: 10_000 });
    expect(decideRetry('DOWNLOAD_FAILED', 2, policy)).toEqual({ retry: true, delayMs: 30_000 });
    expect(decideRetry('LOW_BATTERY', 3, policy)).toEqual({ retry: false });
  });
  it('never retries permanent results', () => {
    for (const code of ['HASH_MISMATCH', 'SIGNATURE_INVALID', 'HARDWARE_ID_MISMATCH', 'INSTALL_FAILED', 'VIN_MISMATCH']) {
      expect(decideRetry(code, 1, policy)).toEqual({ retry: false });
    }
  });
  it('ends a declined or endlessly postponed offer as rejected, anything else as failed', () => {
    expect(decideRetry('CONSENT_POSTPONED', 1, policy)).toEqual({ retry: true, delayMs: 10_000 });
    expect(finalStateFor('CONSENT_DECLINED')).toBe('rejected');
    expect(finalStateFor('CONSENT_POSTPONED')).toBe('rejected');
    expect(finalStateFor('HASH_MISMATCH')).toBe('failed');
  });
});
