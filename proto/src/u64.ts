import Long from 'long';

/** protobufjs decodes uint64 as Long when `long` is installed; every size we carry fits in 2^53. */
export function u64(value: number | Long | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Long.fromValue(value).toNumber();
}
