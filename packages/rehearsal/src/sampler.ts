import type { SimulatedFleet } from '@ota/vehicle-sim';
import type { AdminClient } from './admin-client.js';

/** One look at a running campaign: the admin API's counts and the byte counters of gateway and fleet. */
export interface Sample {
  /** Since the campaign was started. */
  tMs: number;
  state: string;
  counts: Record<string, number>;
  /** Chunk bytes the gateway has sent since the campaign started. */
  bytesSent: number;
  /** Verified chunk bytes the fleet has received since the campaign started. */
  bytesReceived: number;
  connected: number;
  reconnects: number;
}

export interface SamplerSources {
  api: Pick<AdminClient, 'campaignStatus'>;
  campaignId: string;
  fleet: Pick<SimulatedFleet, 'stats'>;
  gatewayBytesSent: () => number;
  /** Date.now unless a test drives time. */
  now?: () => number;
}

/**
 * Samples the campaign every `everyMs` from the moment it starts, for the report's charts. A failed status
 * call skips one sample; the run itself does not depend on the sampler.
 */
export function startSampler(src: SamplerSources, everyMs = 1000) {
  const now = src.now ?? Date.now;
  const begin = now();
  const sentBefore = src.gatewayBytesSent();
  const receivedBefore = src.fleet.stats.bytesReceived;
  const samples: Sample[] = [];
  let busy: Promise<void> | null = null;
  const take = async () => {
    try {
      const status = await src.api.campaignStatus(src.campaignId);
      const stats = src.fleet.stats;
      samples.push({
        tMs: now() - begin,
        state: status.campaign.state,
        counts: status.counts,
        bytesSent: src.gatewayBytesSent() - sentBefore,
        bytesReceived: stats.bytesReceived - receivedBefore,
        connected: stats.connected,
        reconnects: stats.reconnects,
      });
    } catch {
      // a missed sample leaves a gap in the charts, nothing more
    }
  };
  const tick = () => {
    if (!busy) busy = take().finally(() => (busy = null));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    samples,
    /** Stops without a last sample: the run ended early. Safe after stop(). */
    cancel(): void {
      clearInterval(timer);
    },
    /** Takes a last sample and stops. */
    async stop(): Promise<Sample[]> {
      clearInterval(timer);
      await busy;
      await take();
      return samples;
    },
  };
}
