import { describe, expect, it } from 'vitest';
import type { ExecutionRepo, ProgressMove, ProgressOutcome } from '@ota/campaign-core';
import { gate } from '@ota/campaign-core/testing';
import { AppliedPhases } from './applied-phases.js';

/**
 * Records the batches asked for; each move succeeds unless its execution is unknown. `hold` keeps a batch
 * from answering until released, as a busy Postgres would.
 */
function recordingExecutions(opts: { unknown?: Set<string> } = {}) {
  const batches: [string, string][][] = [];
  const busy = gate();
  const executions: Pick<ExecutionRepo, 'moveProgress'> = {
    async moveProgress(moves: readonly ProgressMove[]): Promise<ProgressOutcome[]> {
      batches.push(moves.map((m) => [m.id, m.to]));
      await busy.pass();
      return moves.map((m) => (opts.unknown?.has(m.id) ? { ok: false, current: null } : { ok: true }));
    },
  };
  return { batches, executions, hold: busy.hold, release: busy.release };
}

describe('AppliedPhases', () => {
  it('moves an execution to each phase once, again after the attempt ended', async () => {
    const { batches, executions } = recordingExecutions();
    const phases = new AppliedPhases(executions);
    expect(await phases.move('VIN1', 'e1', 'downloading')).toEqual({ ok: true });
    expect(await phases.move('VIN1', 'e1', 'downloading')).toBeNull(); // the progress after the first chunk request
    await phases.move('VIN1', 'e1', 'installing');
    await phases.move('VIN1', 'e1', 'installing');
    phases.forget('VIN1', 'e1'); // the result came: a retry downloads and installs again
    await phases.move('VIN1', 'e1', 'downloading');
    expect(batches.flat()).toEqual([
      ['e1', 'downloading'],
      ['e1', 'installing'],
      ['e1', 'downloading'],
    ]);
  });

  it('remembers nothing for an execution Postgres does not know for this vehicle', async () => {
    const { batches, executions } = recordingExecutions({ unknown: new Set(['nope']) });
    const phases = new AppliedPhases(executions);
    expect(await phases.move('VIN1', 'nope', 'downloading')).toEqual({ ok: false, current: null });
    await phases.move('VIN1', 'nope', 'downloading');
    expect(batches.flat()).toHaveLength(2);
  });

  it('sends the moves of many vehicles that came while one ran in one statement', async () => {
    const db = recordingExecutions();
    const phases = new AppliedPhases(db.executions);
    db.hold();
    const first = phases.move('VIN1', 'e1', 'downloading');
    const later = [phases.move('VIN2', 'e2', 'downloading'), phases.move('VIN3', 'e3', 'installing')];
    await new Promise((r) => setImmediate(r));
    db.release();
    await Promise.all([first, ...later]);
    expect(db.batches).toEqual([
      [['e1', 'downloading']],
      [
        ['e2', 'downloading'],
        ['e3', 'installing'],
      ],
    ]);
  });
});
