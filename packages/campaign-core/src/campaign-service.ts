import type { Campaign, PacingChange } from './db/campaign-repo.js';
import type { RolloutStep } from './db/rollout-repo.js';
import type { FlashDispatcher } from './dispatch/flash-dispatcher.js';
import type { VehicleChannel } from './dispatch/vehicle-channel.js';
import type { Logger } from './logger.js';
import type { Repos } from './repos.js';

/**
 * What an operator can do to a campaign. Each action commits its state change first, then dispatches what
 * it opened: if the process dies in between, the dispatcher's resume re-enqueues it (every enqueue is
 * idempotent on the execution id).
 */
export class CampaignService {
  constructor(
    private readonly deps: {
      repos: Repos;
      dispatcher: Pick<FlashDispatcher, 'dispatch' | 'advance' | 'applyPacing'>;
      channel: Pick<VehicleChannel, 'sendCancel'>;
      log: Logger;
    },
  ) {}

  async start(id: string, actor: string): Promise<Campaign> {
    const { campaign, executionIds } = await this.deps.repos.campaigns.start(id, actor);
    await this.deps.dispatcher.dispatch(campaign, executionIds);
    return campaign;
  }

  /** Rate, in-flight cap and ramp take effect at once, in every gateway process (they live in Redis). */
  async changePacing(id: string, change: PacingChange, actor: string): Promise<Campaign> {
    const campaign = await this.deps.repos.campaigns.changePacing(id, change, actor);
    await this.deps.dispatcher.applyPacing(campaign);
    return campaign;
  }

  pause(id: string, actor: string, reason: string): Promise<Campaign> {
    return this.deps.repos.rollouts.pause(id, actor, reason);
  }

  async resume(id: string, actor: string, reason?: string): Promise<Campaign> {
    const step = await this.deps.repos.rollouts.resume(id, actor, reason);
    await this.apply(step);
    // With the failures set aside, the phase may already have met its threshold.
    await this.deps.dispatcher.advance(id);
    return this.deps.repos.campaigns.get(id);
  }

  async approve(id: string, actor: string): Promise<Campaign> {
    const step = await this.deps.repos.rollouts.approve(id, actor);
    await this.apply(step);
    return step.campaign;
  }

  async cancel(id: string, actor: string, reason?: string): Promise<{ campaign: Campaign; withdrawn: number; aborting: number }> {
    const { campaign, inFlight, withdrawn } = await this.deps.repos.rollouts.cancel(id, actor, reason);
    for (const execution of inFlight) {
      await this.deps.channel
        .sendCancel(execution.vin, execution.id, reason ?? 'campaign cancelled')
        .catch((err: Error) => this.deps.log.warn({ err: err.message, executionId: execution.id }, 'cancel not sent'));
    }
    return { campaign, withdrawn, aborting: inFlight.length };
  }

  private async apply(step: RolloutStep): Promise<void> {
    if (step.dispatch.length > 0) await this.deps.dispatcher.dispatch(step.campaign, step.dispatch);
  }
}
