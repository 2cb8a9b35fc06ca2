import { describe, expect, it } from 'vitest';
import { createLiveBlock, formatRate, renderBars } from './terminal-bars.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (t: string) => out.push(t) } as unknown as NodeJS.WriteStream };
}

describe('terminal bars', () => {
  it('draws one bar per state, scaled to the total', () => {
    const lines = renderBars([{ label: 'succeeded', count: 50 }, { label: 'failed', count: 5 }], 100, 10);
    expect(lines).toEqual(['succeeded  █████░░░░░   50   50.0%', 'failed     █░░░░░░░░░    5    5.0%']);
  });

  it('formats throughput', () => {
    expect([formatRate(12), formatRate(12_345), formatRate(3_200_000)]).toEqual(['12 B/s', '12.3 KB/s', '3.2 MB/s']);
  });

  it('redraws in place on a terminal and writes changed plain lines otherwise', () => {
    const tty = stream(true);
    const block = createLiveBlock(tty.s);
    block.draw(['a', 'b'], 'a b');
    block.draw(['c', 'd'], 'c d');
    block.draw(['e'], 'e');
    expect(tty.out[1]).toBe('\x1b[2A\r\x1b[2Kc\n\r\x1b[2Kd\n\x1b[J');
    expect(tty.out[2]).toBe('\x1b[2A\r\x1b[2Ke\n\x1b[J'); // the line left below is cleared
    const pipe = stream(false);
    const plain = createLiveBlock(pipe.s);
    plain.draw(['a'], 'same');
    plain.draw(['b'], 'same');
    plain.draw(['c'], 'other');
    expect(pipe.out).toEqual(['same\n', 'other\n']);
  });
});
