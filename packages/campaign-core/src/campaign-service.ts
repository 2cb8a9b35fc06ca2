import type { Campaign, PacingChange } from './db/campaign-repo.js';
import type { RolloutStep } from './db/rollout-repo.js';
import type { FlashDispatcher } from './dispatch/flash-dispatcher.js';
import { awaitQueueWork } from './dispatch/queue-wait.js';
import type { VehicleChannel } from './dispatch/vehicle-channel.js';
import type { Logger } from './logger.js';
import type { Repos } from './repos.js';

/** How long past its deadline an in-flight execution without a job waits for the sweep. */
export const OVERDUE_GRACE_MS = 60_000;

/**
 * What an operator can do to a campaign. Each action commits its state change first, then dispatches what
 * it opened: if the process dies in between, the dispatcher's resume re-enqueues it (every enqueue is
 * idempotent on the execution id). With Redis away the queue work waits for it (its commands are held
 * until it is back) and the action answers after QUEUE_ANSWER_MS with the committed state, instead of
 * leaving the operator without an answer for the length of the outage.
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

  /** The queue part of an action (awaitQueueWork); work that never lands is the dispatcher's resume's after a restart. */
  private queueWork(campaignId: string, action: string, work: Promise<unknown>): Promise<void> {
    return awaitQueueWork(work, this.deps.log, `campaign ${action}`, { campaignId });
  }

  /** Starts now, or schedules when the campaign's startAt is still ahead. */
  async start(id: string, actor: string): Promise<Campaign> {
    const draft = await this.deps.repos.campaigns.get(id);
    if (draft.state === 'draft' && draft.startAt && draft.startAt > this.deps.repos.clock.now()) {
      return this.deps.repos.campaigns.schedule(id, actor);
    }
    const { campaign, executionIds } = await this.deps.repos.campaigns.start(id, actor);
    await this.queueWork(id, 'start', this.deps.dispatcher.dispatch(campaign, executionIds));
    return campaign;
  }

  /** Rate, in-flight cap and ramp take effect at once, in every gateway process (they live in Redis). */
  async changePacing(id: string, change: PacingChange, actor: string): Promise<Campaign> {
    const campaign = await this.deps.repos.campaigns.changePacing(id, change, actor);
    await this.queueWork(id, 'pacing', this.deps.dispatcher.applyPacing(campaign));
    return campaign;
  }

  pause(id: string, actor: string, reason: string): Promise<Campaign> {
    return this.deps.repos.rollouts.pause(id, actor, reason);
  }

  async resume(id: string, actor: string, reason?: string): Promise<Campaign> {
    const step = await this.deps.repos.rollouts.resume(id, actor, reason);
    // With the failures set aside, the phase may already have met its threshold.
    await this.queueWork(id, 'resume', this.apply(step).then(() => this.deps.dispatcher.advance(id)));
    return this.deps.repos.campaigns.get(id);
  }

  async approve(id: string, actor: string): Promise<Campaign> {
    const step = await this.deps.repos.rollouts.approve(id, actor);
    await this.queueWork(id, 'approve', this.apply(step));
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

  /** One pass of the clock's work: start what is due, end what is over. Safe in several processes at once. */
  async runSchedule(): Promise<void> {
    const now = this.deps.repos.clock.now();
    for (const id of await this.deps.repos.campaigns.dueToStart(now)) {
      // Another gateway may have started it a moment ago: that is a state error here, and harmless.
      await this.start(id, 'scheduler').catch((err: Error) => this.deps.log.info({ campaignId: id, err: err.message }, 'scheduled start skipped'));
    }
    for (const id of await this.deps.repos.campaigns.dueToEnd(now)) {
      await this.deps.repos.rollouts.endWindow(id);
      await this.deps.dispatcher.advance(id);
    }
  }

  /**
   * Server-side leases: an execution in flight is timed out by the job that offered it; one whose job is
   * gone (Redis lost it and its gateway restarted) would wait for ever and keep its campaign running.
   * This times out, `graceMs` after their deadline, those no job has, and lets their campaigns go on.
   * Safe beside a live job (a timeout is a guarded transition of that attempt) and in every gateway.
   */
  async sweepOverdue(graceMs = OVERDUE_GRACE_MS): Promise<number> {
    const overdue = await this.deps.repos.executions.overdueInFlight(this.deps.repos.clock.now(), graceMs);
    let swept = 0;
    for (const e of overdue) {
      const t = await this.deps.repos.executions.transition(e.id, {
        to: 'timed_out',
        resultCode: 'TIMED_OUT',
        detail: `no result within ${e.timeoutS} s (found by the overdue sweep: no job was waiting for it)`,
        attempt: e.attempts,
      });
      if (!t.ok) continue;
      swept++;
      this.deps.log.warn({ executionId: e.id, campaignId: e.campaignId }, 'overdue execution timed out by the sweep');
    }
    for (const campaignId of new Set(overdue.map((e) => e.campaignId))) await this.deps.dispatcher.advance(campaignId);
    return swept;
  }

  private async apply(step: RolloutStep): Promise<void> {
    if (step.dispatch.length > 0) await this.deps.dispatcher.dispatch(step.campaign, step.dispatch);
  }
}
