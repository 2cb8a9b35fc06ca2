/**
 * Size caps applied before any protobuf decode (Uptane "endless data"). A message over its cap is dropped
 * unread.
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
/**
 * Cap on an offer (roots plus the signed manifest with every target's signed release entry). A 1 GiB image
 * at 64 KiB chunks carries 16k chunk hashes: ~560 KiB.
 */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** What a vehicle accepts on each downlink topic, checked before decoding. */
export const MAX_DOWNLINK_BYTES = {
  update: MAX_MANIFEST_BYTES,
  'chunks/data': MAX_CHUNK_SIZE + 1024,
  cancel: 16 * 1024,
  rejected: 16 * 1024,
} as const;

/** The broker refuses any MQTT packet above this, whatever its topic. */
export const MAX_PACKET_BYTES = MAX_MANIFEST_BYTES + 4096;
