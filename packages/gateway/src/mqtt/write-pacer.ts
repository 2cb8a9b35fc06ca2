/**
 * Paces the chunks the gateway writes across all vehicles: at most `perTurn` handed to aedes in one turn of
 * the event loop, the rest in the turns after, in the order asked. Chunks used to go through aedes' emitter,
 * whose concurrency (100) bounded such bursts; a burst of a thousand 64 KiB writes at once only fills
 * socket buffers the vehicles cannot read that fast. A slot is taken before the publish and given back in
 * the setImmediate after aedes' own, which is where aedes writes the packet to the socket: it is never held
 * while a slow reader's socket drains, so a vehicle that does not read holds up only its own chunks.
 */
export class WritePacer {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly perTurn = 100) {
    this.free = perTurn;
  }

  /** Runs `write` (which must schedule its socket write with setImmediate, as aedes does) when a slot is free. */
  async pace<T>(write: () => T | Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const result = write();
    setImmediate(() => this.release());
    return result;
  }

  /** Writes waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
