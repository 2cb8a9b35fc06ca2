import { describe, expect, it } from 'vitest';
import type { ExecutionTarget, Repos, StoredImage } from '@ota/campaign-core';
import { ImageLookup } from './image-lookup.js';

const image = (fill: number): StoredImage => ({ sha256: Buffer.alloc(32, fill), size: 2048, chunkSize: 1024, chunkHashes: [Buffer.alloc(32, 1), Buffer.alloc(32, 2)] });
const target = (serial: string, img: StoredImage): ExecutionTarget => ({ ecuSerial: serial, fromVersion: '1.0.0', installOrder: 0, update: { image: img } as never });

/** Repos whose execution lookups are counted, and answer with one execution of VIN1. */
function countingRepos(targets: ExecutionTarget[]) {
  const calls = { get: 0, targetsOf: 0 };
  const repos = {
    pool: {},
    executions: {
      async get(id: string) {
        calls.get++;
        return id === 'e1' ? { id, vin: 'VIN1' } : null;
      },
      async targetsOf() {
        calls.targetsOf++;
        return targets;
      },
    },
  } as unknown as Repos;
  return { calls, repos };
}

describe('ImageLookup', () => {
  it('serves an execution this gateway offered without a lookup, and looks up one it did not, once', async () => {
    const [a, b] = [image(0xaa), image(0xbb)];
    const { calls, repos } = countingRepos([target('ECU-1', a)]);
    const lookup = new ImageLookup(repos);
    lookup.offered('VIN1', { executionId: 'e0', targets: [target('ECU-1', a), target('ECU-2', b)] });
    const offered = await lookup.forExecution('e0');
    expect(offered).toMatchObject({ vin: 'VIN1', first: a });
    expect([...offered!.images.keys()]).toEqual([a.sha256.toString('hex'), b.sha256.toString('hex')]);
    expect(calls).toEqual({ get: 0, targetsOf: 0 });

    // Offered by another gateway of the cluster: looked up, then remembered.
    expect(await lookup.forExecution('e1')).toMatchObject({ vin: 'VIN1', first: a });
    await lookup.forExecution('e1');
    expect(calls).toEqual({ get: 1, targetsOf: 1 });
    expect(await lookup.forExecution('missing')).toBeNull();
  });

  it('keeps what was sent when the same offer goes out again', async () => {
    const { repos } = countingRepos([]);
    const lookup = new ImageLookup(repos);
    const offered = { executionId: 'e0', targets: [target('ECU-1', image(0xaa))] };
    lookup.offered('VIN1', offered);
    (await lookup.forExecution('e0'))!.sent.set('x', new Set([0]));
    lookup.offered('VIN1', offered);
    expect((await lookup.forExecution('e0'))!.sent.get('x')).toEqual(new Set([0]));
  });
});
