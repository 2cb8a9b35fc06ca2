import Long from 'long';
import { ota } from '../gen/ota.js';

export { ota };
export * from './topics.js';
export * from './limits.js';

/** protobufjs decodes uint64 as Long when `long` is installed; every size we carry fits in 2^53. */
export function u64(value: number | Long | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Long.fromValue(value).toNumber();
}

export const MANIFEST_PAYLOAD_TYPE = 'ota.v1.UpdateManifest';
export * from './signed.js';
