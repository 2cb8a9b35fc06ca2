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
  return async () => {
    registry ??= build(metrics, executions);
    return { contentType: registry.contentType, body: await registry.metrics() };
  };
}

function build(metrics: GatewayMetrics, executions: Pick<ExecutionRepo, 'countsOfActiveCampaigns'>): Registry {
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
      const rows = await executions.countsOfActiveCampaigns();
      this.reset();
      for (const r of rows) this.set({ campaign: r.campaignId, name: r.campaignName, state: r.state }, r.n);
    },
  });
  return registry;
}
