import type { Repos, StoredImage } from '@ota/campaign-core';

export interface ExecutionImage {
  executionId: string;
  vin: string;
  image: StoredImage;
  /** Chunks this gateway already sent for the execution: a repeat is a re-send (after a lost link). */
  sent: Set<number>;
}

/**
 * Which image an execution downloads. An execution's image never changes once offered, so the answer is
 * kept (bounded, oldest out first) to spare Postgres a query per chunk request.
 */
export class ImageLookup {
  private readonly cache = new Map<string, ExecutionImage>();

  constructor(
    private readonly repos: Repos,
    private readonly maxEntries = 10_000,
  ) {}

  async forExecution(executionId: string): Promise<ExecutionImage | null> {
    const hit = this.cache.get(executionId);
    if (hit) return hit;
    const execution = await this.repos.executions.get(executionId);
    if (!execution) return null;
    const campaign = await this.repos.campaigns.get(execution.campaignId);
    const update = await this.repos.updates.get(campaign.updateId);
    if (!update.image) return null;
    const entry = { executionId, vin: execution.vin, image: update.image, sent: new Set<number>() };
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(executionId, entry);
    return entry;
  }
}
