import { createLiveBlock, formatRate, renderBars } from '@ota/vehicle-sim';
import type { CampaignStatus } from './admin-client.js';

const ORDER = ['queued', 'offered', 'downloading', 'installing', 'installed', 'succeeded', 'failed', 'timed_out', 'cancelled'];

export function formatCounts(counts: Record<string, number>): string {
  return ORDER.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${s} ${counts[s]}`)
    .join(' | ');
}

/**
 * Live progress on stderr. On a terminal: a header with the state, elapsed time and download throughput,
 * then a bar per execution state, redrawn in place. Otherwise one line per change (CI logs and pipes stay
 * readable).
 */
export function createProgressView(stream: NodeJS.WriteStream): {
  update(status: CampaignStatus, elapsedMs: number, fleetBytes?: number): void;
  end(): void;
} {
  const block = createLiveBlock(stream);
  let last: { at: number; bytes: number } | null = null;
  let rate = 0;
  return {
    update(status, elapsedMs, fleetBytes = 0) {
      // Throughput over the last second or more, so a 250 ms poll does not make the figure jump.
      if (!last) last = { at: elapsedMs, bytes: fleetBytes };
      else if (elapsedMs - last.at >= 1000) {
        rate = ((fleetBytes - last.bytes) * 1000) / (elapsedMs - last.at);
        last = { at: elapsedMs, bytes: fleetBytes };
      }
      const head = `[${(elapsedMs / 1000).toFixed(1).padStart(6)} s] ${status.campaign.state}, phase ${status.campaign.currentPhase + 1}, download ${formatRate(rate)}`;
      const rows = ORDER.filter((s) => (status.counts[s] ?? 0) > 0 || ['downloading', 'installing', 'succeeded', 'failed'].includes(s)).map((s) => ({ label: s, count: status.counts[s] ?? 0 }));
      const plain = `[${(elapsedMs / 1000).toFixed(1).padStart(6)} s] ${status.campaign.state}: ${formatCounts(status.counts)}`;
      // Plain lines change only with the counts, not with the clock.
      block.draw([head, ...renderBars(rows, status.total)], plain, `${status.campaign.state} ${formatCounts(status.counts)}`);
    },
    end() {
      block.end();
    },
  };
}
