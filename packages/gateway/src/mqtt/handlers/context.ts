import type { Logger, Repos } from '@ota/campaign-core';
import type { DownlinkSuffix } from '@ota/proto';
import type { AppliedPhases } from '../applied-phases.js';
import type { GatewayMetrics } from '../gateway-metrics.js';
import type { ImageLookup } from '../image-lookup.js';
import type { ChunkCache } from '../chunk-cache.js';
import type { ReportKeys } from '../report-keys.js';

/** What every uplink handler may use. */
export interface HandlerContext {
  repos: Repos;
  chunks: ChunkCache;
  images: ImageLookup;
  reportKeys: ReportKeys;
  phases: AppliedPhases;
  metrics: GatewayMetrics;
  log: Logger;
  /** Publishes to one of the vehicle's downlink topics: to its connection here, or through the emitter. */
  send(vin: string, suffix: DownlinkSuffix, payload: Uint8Array, qos: 0 | 1): Promise<void>;
  /** QoS 0 to the vehicle's connection on this gateway only; false when it is not connected here. */
  sendDirect(vin: string, suffix: DownlinkSuffix, payload: Uint8Array): Promise<boolean>;
  /** After a vehicle's report is stored: offer it what waited for it while it was away. */
  afterReport(vin: string): Promise<void>;
}

/** A message that cannot be accepted; the router answers it on `rejected` with this code. */
export class RefusedMessage extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly executionId = '',
  ) {
    super(message);
  }
}

export type UplinkHandler = (ctx: HandlerContext, vin: string, payload: Buffer) => Promise<void>;

/** Decodes with protobufjs, turning its errors into a refusal with a stable code. */
export function decodeOrRefuse<T>(decode: (buf: Uint8Array) => T, payload: Buffer, what: string): T {
  try {
    return decode(payload);
  } catch (err) {
    throw new RefusedMessage('OTA_ERR_MALFORMED', `not a valid ${what}: ${(err as Error).message}`);
  }
}
