import type { CampaignStatus } from './admin-client.js';

const ORDER = ['queued', 'offered', 'downloading', 'installing', 'installed', 'succeeded', 'failed', 'timed_out', 'cancelled'];

export function formatCounts(counts: Record<string, number>): string {
  return ORDER.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${s} ${counts[s]}`)
    .join(' | ');
}

/**
 * Live progress on stderr: one line redrawn in place on a terminal, a new line per change otherwise (so CI
 * logs and pipes stay readable).
 */
export function createProgressView(stream: NodeJS.WriteStream): {
  update(status: CampaignStatus, elapsedMs: number): void;
  end(): void;
} {
  let last = '';
  return {
    update(status, elapsedMs) {
      const line = `[${(elapsedMs / 1000).toFixed(1).padStart(6)} s] ${status.campaign.state}: ${formatCounts(status.counts)}`;
      const shape = `${status.campaign.state} ${formatCounts(status.counts)}`;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
      } else if (shape !== last) {
        stream.write(`${line}\n`);
      }
      last = shape;
    },
    end() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
