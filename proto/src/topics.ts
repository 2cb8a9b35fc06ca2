/**
 * The MQTT topic scheme shared by the gateway and vehicles. Every topic lives under `ota/v1/{vin}/`.
 * Uplink topics are the only ones a vehicle may publish to, downlink the only ones it may subscribe to,
 * and only under the VIN in its certificate (see proto/README.md).
 */
export const TOPIC_ROOT = 'ota/v1';

/** Vehicle to gateway. */
export const UPLINK = {
  report: 'report',
  chunkRequest: 'chunks/req',
  progress: 'progress',
  result: 'result',
} as const;

/** Gateway to vehicle. */
export const DOWNLINK = {
  update: 'update',
  chunk: 'chunks/data',
  cancel: 'cancel',
  rejected: 'rejected',
} as const;

export type UplinkSuffix = (typeof UPLINK)[keyof typeof UPLINK];
export type DownlinkSuffix = (typeof DOWNLINK)[keyof typeof DOWNLINK];

const uplinkSuffixes: ReadonlySet<string> = new Set(Object.values(UPLINK));
const downlinkSuffixes: ReadonlySet<string> = new Set(Object.values(DOWNLINK));

export function vehicleTopic(vin: string, suffix: UplinkSuffix | DownlinkSuffix): string {
  return `${TOPIC_ROOT}/${vin}/${suffix}`;
}

export interface ParsedTopic {
  vin: string;
  suffix: string;
  direction: 'uplink' | 'downlink';
}

/** Splits `ota/v1/{vin}/{suffix}`; null for anything outside the scheme, wildcards included. */
export function parseVehicleTopic(topic: string): ParsedTopic | null {
  const prefix = `${TOPIC_ROOT}/`;
  if (!topic.startsWith(prefix) || topic.includes('+') || topic.includes('#')) return null;
  const rest = topic.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const vin = rest.slice(0, slash);
  const suffix = rest.slice(slash + 1);
  if (uplinkSuffixes.has(suffix)) return { vin, suffix, direction: 'uplink' };
  if (downlinkSuffixes.has(suffix)) return { vin, suffix, direction: 'downlink' };
  return null;
}
