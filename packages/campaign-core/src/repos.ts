import type pg from 'pg';
import { systemClock, type Clock } from './clock.js';
import { CampaignRepo } from './db/campaign-repo.js';
import { ExecutionNotices } from './db/execution-notices.js';
import { ExecutionRepo } from './db/execution-repo.js';
import { UpdateBlobCache } from './db/update-blobs.js';
import { UpdateRepo } from './db/update-repo.js';
import { VehicleRepo } from './db/vehicle-repo.js';
import { RolloutRepo } from './db/rollout-repo.js';
import { WebhookRepo } from './db/webhook-repo.js';
import { CertificateRepo } from './db/certificate-repo.js';
import { TrustRepo } from './db/trust-repo.js';

export interface Repos {
  pool: pg.Pool;
  clock: Clock;
  /** Tells waiting flash jobs, after commit, of executions that results and reports finished. */
  notices: ExecutionNotices;
  vehicles: VehicleRepo;
  updates: UpdateRepo;
  campaigns: CampaignRepo;
  executions: ExecutionRepo;
  rollouts: RolloutRepo;
  webhooks: WebhookRepo;
  certificates: CertificateRepo;
  trust: TrustRepo;
}

/**
 * The persistence adapters over one pool, sharing one clock. `blobs`: the update blob cache, shared by the
 * repos of every pool in a process (a cache of its own unless given).
 */
export function createRepos(pool: pg.Pool, clock: Clock = systemClock, blobs: UpdateBlobCache = new UpdateBlobCache()): Repos {
  const notices = new ExecutionNotices(pool);
  const vehicles = new VehicleRepo(pool, clock, notices);
  const campaigns = new CampaignRepo(pool, clock, vehicles);
  const executions = new ExecutionRepo(pool, clock, notices, blobs);
  return {
    pool,
    clock,
    notices,
    vehicles,
    updates: new UpdateRepo(pool, clock),
    campaigns,
    executions,
    rollouts: new RolloutRepo(pool, clock, campaigns, executions),
    webhooks: new WebhookRepo(pool, clock),
    certificates: new CertificateRepo(pool, clock),
    trust: new TrustRepo(pool, clock),
  };
}
