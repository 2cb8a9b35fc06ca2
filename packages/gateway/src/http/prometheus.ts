import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ExecutionRepo } from '@ota/campaign-core';
import type { GatewayMetrics } from '../mqtt/gateway-metrics.js';

/** What GET /v1/metrics serves: a scrape, in Prometheus' text format. */
export interface MetricsScrape {
  contentType: string;
  body: string;
}

/** camelCase counter name to a Prometheus metric name: `bytesSent` -> `ota_gateway_bytes_sent_total`. */
function counterName(key: string): string {
  return `ota_gateway_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_total`;
}

/**
 * A Prometheus registry for one gateway process: Node's own metrics (CPU, memory, event-loop delay, GC),
 * this process's GatewayMetrics counters, and, from Postgres, the executions by state of every running or
 * paused campaign (the same numbers from every gateway: they describe the fleet, not the process). Read at
 * scrape time; nothing is kept in between.
 */
export function createPrometheus(metrics: GatewayMetrics, executions: Pick<ExecutionRepo, 'countsOfActiveCampaigns'>): () => Promise<MetricsScrape> {
  // Made at the first scrape: Node's metrics start timers and observers that a gateway never scraped
  // (a test's, say) need not carry.
  let registry: Registry | null = null;
  // One Postgres read per scrape, which both campaign gauges take their values from; null when it failed.
  let campaignRows: Promise<CampaignRow[] | null> = Promise.resolve(null);
  return async () => {
    registry ??= build(metrics, () => campaignRows);
    campaignRows = executions.countsOfActiveCampaigns().catch(() => null);
    return { contentType: registry.contentType, body: await registry.metrics() };
  };
}

type CampaignRow = Awaited<ReturnType<ExecutionRepo['countsOfActiveCampaigns']>>[number];

function build(metrics: GatewayMetrics, campaignRows: () => Promise<CampaignRow[] | null>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ota_gateway_' });
  for (const key of Object.keys(metrics.snapshot())) {
    new Counter({
      name: counterName(key),
      help: `GatewayMetrics.${key} of this gateway process since it started`,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(metrics.snapshot()[key] ?? 0);
      },
    });
  }
  new Gauge({
    name: 'ota_campaign_executions',
    help: 'Executions of each running or paused campaign, by state (fleet-wide, from Postgres)',
    labelNames: ['campaign', 'name', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await campaignRows()) ?? []) this.set({ campaign: r.campaignId, name: r.campaignName, state: r.state }, r.n);
    },
  });
  // Postgres away must not cost the scrape this process's own metrics, when they matter most: the campaign
  // series are left out instead, and this says so.
  new Gauge({
    name: 'ota_campaign_executions_read',
    help: '1 when this scrape read ota_campaign_executions from Postgres, 0 when Postgres did not answer',
    registers: [registry],
    async collect() {
      this.set((await campaignRows()) === null ? 0 : 1);
    },
  });
  return registry;
}
