import { describe, expect, it } from 'vitest';
import { gate } from '../testing/gate.js';
import { GroupCommit } from './group-commit.js';

/**
 * A statement that records the batches it is given and answers each item with its upper case; `hold` keeps
 * a batch from answering until released, as a busy Postgres would; `failWith` decides each batch's error.
 */
function recorder(opts: { failWith?: () => Error | null } = {}) {
  const batches: string[][] = [];
  const busy = gate();
  const run = async (items: string[]): Promise<string[]> => {
    batches.push(items);
    await busy.pass();
    const err = opts.failWith?.();
    if (err) throw err;
    return items.map((i) => i.toUpperCase());
  };
  return { batches, run, hold: busy.hold, release: busy.release };
}

/** Items are "key:value"; the key is what must not share a batch. */
const keyOf = (item: string) => item.split(':')[0]!;

describe('GroupCommit', () => {
  it('sends an item at once when nothing is in flight, and answers it', async () => {
    const db = recorder();
    const writes = new GroupCommit(db.run, keyOf);
    expect(await writes.submit('a:1')).toBe('A:1');
    expect(await writes.submit('b:1')).toBe('B:1');
    expect(db.batches).toEqual([['a:1'], ['b:1']]);
  });

  it('puts what came while a batch ran into the next one, each key once, in order, at most maxBatch', async () => {
    const db = recorder();
    const writes = new GroupCommit(db.run, keyOf, 3);
    db.hold();
    const first = writes.submit('a:1');
    const later = ['b:1', 'c:1', 'b:2', 'd:1', 'e:1'].map((i) => writes.submit(i));
    await new Promise((r) => setImmediate(r));
    expect(db.batches).toEqual([['a:1']]);
    db.release();
    expect(await Promise.all([first, ...later])).toEqual(['A:1', 'B:1', 'C:1', 'B:2', 'D:1', 'E:1']);
    // b:2 waits for b:1's commit; the batch after takes what is left, up to three.
    expect(db.batches).toEqual([['a:1'], ['b:1', 'c:1', 'd:1'], ['b:2', 'e:1']]);
  });

  it('runs a batch that lost a deadlock once more, and gives any other error to every item in the batch', async () => {
    const errors = [Object.assign(new Error('deadlock detected'), { code: '40P01' }), null];
    const retried = recorder({ failWith: () => errors.shift() ?? null });
    expect(await new GroupCommit(retried.run, keyOf).submit('a:1')).toBe('A:1');
    expect(retried.batches).toEqual([['a:1'], ['a:1']]);

    const down = recorder({ failWith: () => new Error('connection refused') });
    const writes = new GroupCommit(down.run, keyOf);
    down.hold();
    const all = ['a:1', 'b:1', 'c:1'].map((i) => writes.submit(i));
    down.release();
    for (const p of all) await expect(p).rejects.toThrow('connection refused');
    expect(down.batches).toEqual([['a:1'], ['b:1', 'c:1']]);
    // Nothing is left stuck: the next item goes.
    down.batches.length = 0;
    await expect(writes.submit('d:1')).rejects.toThrow('connection refused');
    expect(down.batches).toEqual([['d:1']]);
  });
});
