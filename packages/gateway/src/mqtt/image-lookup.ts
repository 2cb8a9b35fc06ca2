import type { Repos, StoredImage } from '@ota/campaign-core';

export interface ExecutionImages {
  executionId: string;
  vin: string;
  /** The images of the execution's targets, by sha256 hex, in install order. */
  images: Map<string, StoredImage>;
  /** What a request without an image digest means: the first target's image. */
  first: StoredImage;
  /** Chunks this gateway already sent, per image: a repeat is a re-send (after a lost link). */
  sent: Map<string, Set<number>>;
}

/**
 * Which images an execution downloads. They never change once offered, so the answer is kept (bounded,
 * oldest out first) to spare Postgres a query per chunk request.
 */
export class ImageLookup {
  private readonly cache = new Map<string, ExecutionImages>();

  constructor(
    private readonly repos: Repos,
    private readonly maxEntries = 10_000,
  ) {}

  async forExecution(executionId: string): Promise<ExecutionImages | null> {
    const hit = this.cache.get(executionId);
    if (hit) return hit;
    const execution = await this.repos.executions.get(executionId);
    if (!execution) return null;
    const targets = await this.repos.executions.targetsOf(this.repos.pool, executionId);
    const images = new Map<string, StoredImage>();
    for (const t of targets) if (t.update.image) images.set(t.update.image.sha256.toString('hex'), t.update.image);
    const first = images.values().next().value;
    if (!first) return null;
    const entry = { executionId, vin: execution.vin, images, first, sent: new Map<string, Set<number>>() };
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(executionId, entry);
    return entry;
  }
}
