/** Counters a rehearsal, a test or a scrape reads. Per process: they describe this gateway, not the fleet. */
export class GatewayMetrics {
  connections = 0;
  refusedConnections = 0;
  refusedPublishes = 0;
  refusedSubscriptions = 0;
  oversizePackets = 0;
  malformedMessages = 0;
  offersSent = 0;
  /** Offers, cancels and refusals written straight to a vehicle connected to this gateway. */
  downlinksDirect = 0;
  /** Those sent through the emitter instead: the vehicle is elsewhere (clustered) or away. */
  downlinksRouted = 0;
  chunksSent = 0;
  bytesSent = 0;
  /** Chunk bytes sent again for the same execution (resumes after a lost link, repeated requests). */
  bytesResent = 0;
  resultsReceived = 0;
  reportsReceived = 0;
  /** Uplink messages dropped because their vehicle already had too many waiting (a flood, or a vehicle not reading). */
  busyDrops = 0;
  /** Chunk reads that went to disk (the chunk cache missed). */
  chunkDiskReads = 0;

  snapshot(): Record<string, number> {
    return Object.fromEntries(Object.entries(this)) as Record<string, number>;
  }
}
