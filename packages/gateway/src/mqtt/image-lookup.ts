import { LRUCache } from 'lru-cache';
import type { OfferedExecution, Repos, StoredImage } from '@ota/campaign-core';

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
 * Which images an execution downloads. They never change once offered, so the answer is kept (most recently
 * used kept) to spare Postgres a query per chunk request. An offer this gateway sends tells it beforehand
 * (offered()); an execution offered by another gateway of a cluster is looked up once.
 */
export class ImageLookup {
  private readonly cache: LRUCache<string, ExecutionImages>;

  constructor(
    private readonly repos: Repos,
    maxEntries = 10_000,
  ) {
    this.cache = new LRUCache({ max: maxEntries });
  }

  /** An offer is on its way to `vin`: its downloads will ask for these images. */
  offered(vin: string, offered: OfferedExecution): void {
    // A re-sent offer keeps what was already sent, so that re-sent chunks are counted as such.
    if (this.cache.has(offered.executionId)) return;
    this.remember(offered.executionId, vin, offered.targets);
  }

  async forExecution(executionId: string): Promise<ExecutionImages | null> {
    const hit = this.cache.get(executionId);
    if (hit) return hit;
    const execution = await this.repos.executions.get(executionId);
    if (!execution) return null;
    const targets = await this.repos.executions.targetsOf(this.repos.pool, executionId);
    return this.remember(executionId, execution.vin, targets);
  }

  private remember(executionId: string, vin: string, targets: OfferedExecution['targets']): ExecutionImages | null {
    const images = new Map<string, StoredImage>();
    for (const t of targets) if (t.update.image) images.set(t.update.image.sha256.toString('hex'), t.update.image);
    const first = images.values().next().value;
    if (!first) return null;
    const entry = { executionId, vin, images, first, sent: new Map<string, Set<number>>() };
    this.cache.set(executionId, entry);
    return entry;
  }
}
