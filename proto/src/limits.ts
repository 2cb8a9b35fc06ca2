/**
 * Size caps applied before any protobuf decode (Uptane "endless data"). A message over its cap is dropped
 * unread. Chunks are the only large downlink; uplinks are all small.
 */
export const MAX_UPLINK_BYTES = {
  report: 16 * 1024,
  'chunks/req': 512,
  progress: 512,
  result: 16 * 1024,
} as const;

/** Largest chunk size a manifest may name; a Chunk message adds a few dozen bytes of framing to it. */
export const MAX_CHUNK_SIZE = 256 * 1024;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Cap on a signed manifest (a 1 GiB image at 64 KiB chunks carries 16k hashes: ~560 KiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The broker refuses any MQTT packet above this, whatever its topic. */
export const MAX_PACKET_BYTES = MAX_MANIFEST_BYTES + 4096;
