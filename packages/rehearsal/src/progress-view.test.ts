import { describe, expect, it } from 'vitest';
import type { CampaignStatus } from './admin-client.js';
import { createProgressView } from './progress-view.js';

const status = (counts: Record<string, number>, state = 'running') => ({ campaign: { state, currentPhase: 0 }, counts, total: 10 }) as unknown as CampaignStatus;

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (t: string) => out.push(t) } as unknown as NodeJS.WriteStream };
}

describe('createProgressView', () => {
  it('draws a bar per state and the download throughput on a terminal', () => {
    const tty = stream(true);
    const view = createProgressView(tty.s);
    view.update(status({ queued: 10 }), 0, 0);
    view.update(status({ downloading: 4, succeeded: 6 }), 2000, 4_000_000);
    const frame = tty.out.at(-1)!;
    expect(frame).toContain('running, phase 1, download 2.0 MB/s');
    expect(frame).toMatch(/succeeded\s+█{18}░{12}\s+6\s+60\.0%/);
    expect(frame).toMatch(/downloading\s+█{12}░{18}\s+4\s+40\.0%/);
  });

  it('writes a plain line per change of the counts elsewhere, not per tick', () => {
    const pipe = stream(false);
    const view = createProgressView(pipe.s);
    view.update(status({ queued: 10 }), 0);
    view.update(status({ queued: 10 }), 250);
    view.update(status({ succeeded: 10 }, 'completed'), 500);
    expect(pipe.out).toEqual(['[   0.0 s] running: queued 10\n', '[   0.5 s] completed: succeeded 10\n']);
  });
});
