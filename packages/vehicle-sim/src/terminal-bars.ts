/** One bar of a live progress view: a state and how many are in it. */
export interface BarRow {
  label: string;
  count: number;
}

const FULL = '█';
const EMPTY = '░';

/** Bars scaled to `total`, one line per row: "downloading  ██████░░░░░░  120  12.0%". */
export function renderBars(rows: readonly BarRow[], total: number, width = 30): string[] {
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  const countWidth = String(Math.max(total, ...rows.map((r) => r.count))).length;
  return rows.map((r) => {
    const share = total > 0 ? Math.min(1, r.count / total) : 0;
    const filled = Math.round(share * width);
    const bar = FULL.repeat(filled) + EMPTY.repeat(width - filled);
    return `${r.label.padEnd(labelWidth)}  ${bar}  ${String(r.count).padStart(countWidth)}  ${(share * 100).toFixed(1).padStart(5)}%`;
  });
}

export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond >= 1e6) return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
  if (bytesPerSecond >= 1e3) return `${(bytesPerSecond / 1e3).toFixed(1)} KB/s`;
  return `${Math.round(bytesPerSecond)} B/s`;
}

/**
 * A block of lines redrawn in place on a terminal; elsewhere (CI logs, pipes) one plain line, written only
 * when its `key` (the line itself unless given, e.g. without a clock in it) differs from the last one.
 */
export function createLiveBlock(stream: NodeJS.WriteStream) {
  let drawn = 0;
  let lastKey = '';
  return {
    draw(lines: readonly string[], plain: string, key = plain): void {
      if (stream.isTTY) {
        const up = drawn > 0 ? `\x1b[${drawn}A` : '';
        // ESC[J clears what is left below: a block may shrink when a state empties.
        stream.write(`${up}${lines.map((l) => `\r\x1b[2K${l}\n`).join('')}\x1b[J`);
        drawn = lines.length;
      } else if (key !== lastKey) {
        stream.write(`${plain}\n`);
        lastKey = key;
      }
    },
    /** Leaves the block as it is; the next output starts below it. */
    end(): void {
      drawn = 0;
    },
  };
}
