import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '@ota/vehicle-sim';
import { USAGE, UsageError, parseCliArgs } from './cli-args.js';

describe('pnpm rehearse arguments', () => {
  it('takes every fault kind the simulator knows, and the help names each of them', () => {
    const kinds = Object.keys(FAULT_KINDS);
    const args = parseCliArgs(['--inject', kinds.map((k) => `${k}=0.1`).join(',')]);
    expect(args.inject).toContain('not-parked=0.1');
    const help = USAGE.replace(/\s+/g, ' ');
    for (const kind of kinds) expect(help).toContain(kind);
    expect(Math.max(...USAGE.split('\n').map((l) => l.length))).toBeLessThanOrEqual(110);
  });

  it('docs/simulator.md and the README name every fault kind', () => {
    const root = new URL('../../../', import.meta.url);
    const simulatorDoc = readFileSync(new URL('docs/simulator.md', root), 'utf8');
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const kind of Object.keys(FAULT_KINDS)) {
      expect(simulatorDoc).toContain(`| \`${kind}\` |`);
      expect(readme).toContain(`\`${kind}\``);
    }
  });

  it('refuses an unknown fault or a rate outside 0..1 before anything starts, naming it', () => {
    expect(() => parseCliArgs(['--inject', 'power-cut=0.1'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--inject', 'power-cut=0.1'])).toThrow(/unknown fault "power-cut"; known: install-failure/);
    expect(() => parseCliArgs(['--inject', 'boot-failure=1.5'])).toThrow(/boot-failure needs a rate in 0\.\.1, got "1\.5"/);
  });
});
