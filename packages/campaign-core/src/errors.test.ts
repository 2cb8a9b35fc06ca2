import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from './errors.js';

describe('error registry', () => {
  it('documents every code in docs/errors.md with its HTTP status', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const [code, { status }] of Object.entries(ERRORS)) {
      expect(doc, code).toContain(`| \`${code}\` | ${status} |`);
    }
  });
});
