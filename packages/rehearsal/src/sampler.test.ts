import { describe, expect, it } from 'vitest';
import type { CampaignStatus } from './admin-client.js';
import { startSampler } from './sampler.js';

describe('startSampler', () => {
  it('records counts and byte counters relative to the start, until stopped', async () => {
    let sent = 1000;
    let received = 500;
    let calls = 0;
    const status = (state: string, succeeded: number) => ({ campaign: { state }, counts: { succeeded } }) as unknown as CampaignStatus;
    const sampler = startSampler(
      {
        api: { campaignStatus: async () => (++calls === 2 ? Promise.reject(new Error('busy')) : status(calls > 3 ? 'completed' : 'running', calls)) },
        campaignId: 'c1',
        fleet: { stats: { bytesReceived: received, connected: 3, reconnects: 0 } as never },
        gatewayBytesSent: () => sent,
      },
      20,
    );
    sent += 4096;
    received += 0; // the fake fleet's stats are a constant object
    await new Promise((r) => setTimeout(r, 70));
    const samples = await sampler.stop();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(samples[0]).toMatchObject({ state: 'running', counts: { succeeded: 1 }, bytesReceived: 0, connected: 3 });
    expect(samples.at(-1)).toMatchObject({ state: 'completed', bytesSent: 4096 });
    expect(samples.map((s) => s.counts.succeeded)).not.toContain(2); // the failed call left a gap
    for (let i = 1; i < samples.length; i++) expect(samples[i]!.tMs).toBeGreaterThanOrEqual(samples[i - 1]!.tMs);
  });
});
