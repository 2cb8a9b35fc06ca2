import type { SimulatedFleet } from './simulated-fleet.js';
import { createLiveBlock, formatRate, renderBars, type BarRow } from './terminal-bars.js';

/**
 * The CLI's view of a running fleet: on a terminal, a bar per vehicle state plus results and download
 * throughput, redrawn every `everyMs`; elsewhere a plain status line at that interval.
 */
export function watchFleet(fleet: SimulatedFleet, stream: NodeJS.WriteStream, everyMs: number) {
  const block = createLiveBlock(stream);
  const total = fleet.vehicles.length;
  const begin = Date.now();
  let last = { at: begin, bytes: 0 };
  const tick = () => {
    const s = fleet.stats;
    const now = Date.now();
    const rate = ((s.bytesReceived - last.bytes) * 1000) / Math.max(1, now - last.at);
    last = { at: now, bytes: s.bytesReceived };
    const rows: BarRow[] = [
      { label: 'connected', count: s.connected },
      ...Object.entries(s.byActivity).map(([label, count]) => ({ label, count })),
      ...Object.entries(s.resultsByCode).map(([code, count]) => ({ label: `result ${code}`, count })),
    ];
    const elapsed = `${((now - begin) / 1000).toFixed(0)} s`;
    const head = `vehicle-sim: ${total} vehicles, ${elapsed}, download ${formatRate(rate)}, ${(s.bytesReceived / 1e6).toFixed(1)} MB in all, ${s.reconnects} reconnects`;
    const plain = `${head}; ${rows.filter((r) => r.count > 0).map((r) => `${r.label} ${r.count}`).join(', ')}`;
    block.draw([head, ...renderBars(rows, total)], plain);
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** A line of its own, above the live block. */
    say(line: string): void {
      block.end();
      process.stderr.write(`${line}\n`);
    },
    stop(): void {
      clearInterval(timer);
      tick();
      block.end();
    },
  };
}
