import { describe, expect, it } from 'vitest';
import type { ExecutionRepo, ExecutionState, TransitionInput, TransitionOutcome } from '@ota/campaign-core';
import { AppliedPhases } from './applied-phases.js';

/** Records the transitions asked for; each one succeeds unless the execution is unknown. */
function recordingExecutions(unknown = new Set<string>()) {
  const asked: [string, ExecutionState][] = [];
  const executions: Pick<ExecutionRepo, 'transition'> = {
    async transition(id: string, input: TransitionInput): Promise<TransitionOutcome> {
      asked.push([id, input.to]);
      if (unknown.has(id)) return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: null };
      return { ok: true, from: 'offered', execution: { id, state: input.to } as never };
    },
  };
  return { asked, executions };
}

describe('AppliedPhases', () => {
  it('moves an execution to each phase once, again after the attempt ended', async () => {
    const { asked, executions } = recordingExecutions();
    const phases = new AppliedPhases(executions);
    expect(await phases.move('VIN1', 'e1', 'downloading')).toMatchObject({ ok: true });
    expect(await phases.move('VIN1', 'e1', 'downloading')).toBeNull(); // the progress after the first chunk request
    await phases.move('VIN1', 'e1', 'installing');
    await phases.move('VIN1', 'e1', 'installing');
    phases.forget('VIN1', 'e1'); // the result came: a retry downloads and installs again
    await phases.move('VIN1', 'e1', 'downloading');
    expect(asked).toEqual([
      ['e1', 'downloading'],
      ['e1', 'installing'],
      ['e1', 'downloading'],
    ]);
  });

  it('remembers nothing for an execution Postgres does not know for this vehicle', async () => {
    const { asked, executions } = recordingExecutions(new Set(['nope']));
    const phases = new AppliedPhases(executions);
    await phases.move('VIN1', 'nope', 'downloading');
    await phases.move('VIN1', 'nope', 'downloading');
    expect(asked).toHaveLength(2);
  });
});
