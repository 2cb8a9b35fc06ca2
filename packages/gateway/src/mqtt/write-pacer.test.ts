import { describe, expect, it } from 'vitest';
import { WritePacer } from './write-pacer.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WritePacer', () => {
  it('lets at most perTurn writes through in one turn of the event loop, the rest in order after', async () => {
    const pacer = new WritePacer(3);
    const order: number[] = [];
    const done = Array.from({ length: 8 }, (_, i) => pacer.pace(() => order.push(i)));
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    expect(pacer.queued).toBe(5);
    await turn(); // the slots come back after this turn's writes: three more
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    await turn();
    await Promise.all(done);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pacer.queued).toBe(0);
  });

  it('does not hold a slot while what the write returned is still pending (a socket waiting to drain)', async () => {
    const pacer = new WritePacer(1);
    const stuck = pacer.pace(() => new Promise<void>(() => {})); // never drains
    const next = await pacer.pace(() => 'written');
    expect(next).toBe('written');
    void stuck;
  });
});
