import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { Campaign, CampaignRepo } from '../db/campaign-repo.js';
import type { RolloutRepo } from '../db/rollout-repo.js';
import type { ExecutionRepo, OfferClaim } from '../db/execution-repo.js';
import type { Logger } from '../logger.js';
import { RepeatingErrors } from '../repeating-errors.js';
import type { ManifestSigner } from '../signing/manifest-signer.js';
import type { ExecutionWaiter, WaitOutcome } from './execution-waiter.js';
import { effectiveRate, limiterFor } from './pacing.js';
import { awaitQueueWork } from './queue-wait.js';
import type { VehicleChannel } from './vehicle-channel.js';

const LOCAL_CONCURRENCY = 1000;
/** A vehicle that has neither asked for a chunk nor answered by then gets the same offer again. */
export const DEFAULT_OFFER_RESEND_MS = 30_000;

export interface FlashJobData {
  campaignId: string;
  executionId: string;
}

export interface FlashDispatcherDeps {
  redis: Redis;
  /** BullMQ key prefix; tests give each run its own. */
  prefix?: string;
  campaigns: CampaignRepo;
  executions: ExecutionRepo;
  rollouts: RolloutRepo;
  channel: VehicleChannel;
  signer: ManifestSigner;
  waiter: ExecutionWaiter;
  clock: Clock;
  log: Logger;
  /** Vehicles in flight across every campaign, at most (the gateways' shared capacity). */
  capacity?: number;
  /** Chunk requests a vehicle keeps in flight, named in every manifest; 0 leaves it to the vehicle. */
  chunkWindow?: number;
  /**
   * An execution still offered this long after its offer gets the same offer again, then after twice as
   * long, and so on until its timeout (DEFAULT_OFFER_RESEND_MS).
   */
  offerResendMs?: number;
  /**
   * Where dispatchForVehicle looks (campaigns and executions on another pool): it runs on every version
   * report, which is vehicle traffic, and must not queue the offers' connections. The offers' own by default.
   */
  vehicleLookups?: { campaigns: CampaignRepo };
}

/**
 * Runs campaigns on BullMQ: one queue per running campaign, one job per vehicle execution. A job offers the
 * update and ends when the vehicle's execution is final in Postgres or its timeout passes. The queue's
 * limiter paces offers; its global concurrency caps vehicles in flight across every worker process.
 */
export class FlashDispatcher {
  private readonly workers = new Map<string, { queue: Queue<FlashJobData>; worker: Worker<FlashJobData>; appliedRate: number }>();
  private readonly advancing = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Redis away: every queue's and worker's connections report each reconnect attempt. */
  private readonly redisErrors: RepeatingErrors;

  constructor(private readonly deps: FlashDispatcherDeps) {
    this.redisErrors = new RepeatingErrors(deps.log);
  }

  static queueName(campaignId: string): string {
    return `campaign-${campaignId}`;
  }

  /** Enqueues the executions of a campaign that just started and works its queue. */
  async dispatch(campaign: Campaign, executionIds: readonly string[]): Promise<void> {
    const { queue } = await this.attach(campaign);
    // jobId = execution id: enqueuing the same execution twice is a no-op while the job exists.
    await queue.addBulk(
      executionIds.map((executionId) => ({
        name: 'flash',
        data: { campaignId: campaign.id, executionId },
        opts: { jobId: executionId, removeOnComplete: true, removeOnFail: 1000 },
      })),
    );
  }

  /**
   * After a restart: works every running campaign again, with its pacing, and re-enqueues its queued
   * executions and its retries (retry_wait, at their time). Jobs that were active when the process died
   * come back through BullMQ's stalled-job check and re-send their offer. Everything here is idempotent
   * on job ids, so it also rebuilds queues that Redis lost (watchForLostQueues).
   */
  async resumeRunning(): Promise<number> {
    const running = await this.deps.campaigns.listByState('running');
    for (const campaign of running) {
      const waiting = await this.deps.executions.listForCampaign(campaign.id, ['queued', 'retry_wait']);
      // A queue this process already works keeps its entry, but Redis may have lost its limiter settings.
      await this.applyPacing(campaign);
      await this.dispatch(
        campaign,
        waiting.filter((e) => e.state === 'queued' && e.phase <= campaign.currentPhase).map((e) => e.id),
      );
      for (const e of waiting) if (e.state === 'retry_wait') await this.scheduleRetry(campaign, e.id);
      // A result that landed while no process was up may have finished a phase or the campaign.
      await this.advance(campaign.id);
    }
    return running.length;
  }

  /**
   * Redis keeps the queues, not the truth: one restarted with nothing on disk (or flushed) comes back
   * without the jobs, delayed retries and limiter settings of the running campaigns, which would then wait
   * forever. A marker key set now tells: when the shared connection is ready again and the marker is gone,
   * this process rebuilds the queues from Postgres (resumeRunning). SET NX: of several gateways, one does.
   */
  async watchForLostQueues(): Promise<void> {
    const marker = `${this.deps.prefix ?? 'bull'}:ota:queues-kept`;
    await this.deps.redis.set(marker, String(Date.now()));
    this.deps.redis.on('ready', () => {
      void (async () => {
        if ((await this.deps.redis.set(marker, String(Date.now()), 'NX')) !== 'OK') return;
        this.deps.log.warn({ marker }, 'Redis came back without the flash queues: enqueuing again from Postgres');
        const campaigns = await this.resumeRunning();
        this.deps.log.info({ campaigns }, 'flash queues rebuilt');
      })().catch((err: Error) => this.deps.log.error({ err: err.message }, 'flash queues not rebuilt; a restart of the gateway rebuilds them'));
    });
  }

  async close(): Promise<void> {
    const all = [...this.workers.values()];
    this.workers.clear();
    // Do not wait for vehicles: jobs still active stay active in Redis, their locks lapse, and BullMQ's
    // stalled-job check hands them to a worker that is up (re-sending the same offer), here or elsewhere.
    await Promise.all(all.map(({ worker }) => worker?.close(true)));
    await Promise.all(all.map(({ queue }) => queue.close()));
  }

  private async attach(campaign: Campaign) {
    const existing = this.workers.get(campaign.id);
    if (existing) return existing;
    const name = FlashDispatcher.queueName(campaign.id);
    const connection = this.deps.redis;
    const prefix = this.deps.prefix;
    const queue = new Queue<FlashJobData>(name, { connection, ...(prefix ? { prefix } : {}) });
    // Without a listener BullMQ writes each of these to the console, past the process's logger.
    queue.on('error', (err) => this.redisErrors.warn('flash queue error', err, { campaignId: campaign.id }));
    const entry = { queue, worker: null as unknown as Worker<FlashJobData>, appliedRate: 0 };
    this.workers.set(campaign.id, entry);
    await this.applyPacing(campaign, entry);
    const worker = new Worker<FlashJobData>(name, (job, token) => this.process(job, campaign, token), {
      connection,
      ...(prefix ? { prefix } : {}),
      // The cap on vehicles in flight is the queue's global concurrency (all processes, changeable while
      // running); this is only each process's ceiling.
      concurrency: Math.max(campaign.maxInFlight, LOCAL_CONCURRENCY),
      // Jobs wait for vehicles for minutes; BullMQ renews the lock while the processor runs. A short lock
      // and stalled check mean a job whose gateway died is picked up again within ~20 s.
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 10,
    });
    worker.on('failed', (job, err) =>
      this.deps.log.error({ err, executionId: job?.data.executionId }, 'flash job failed'),
    );
    worker.on('error', (err) => this.redisErrors.warn('flash worker error', err, { campaignId: campaign.id }));
    entry.worker = worker;
    return entry;
  }

  /**
   * Applies a campaign's pacing to its queue: the global rate limit (ramped by confirmed successes) and the
   * global concurrency, both kept in Redis and shared by every worker process. Called at start, after a
   * pacing change and as the ramp steps up; repeating it is harmless.
   */
  async applyPacing(campaign: Campaign, entry = this.workers.get(campaign.id)): Promise<void> {
    if (!entry) return;
    const succeeded = campaign.ramp ? ((await this.deps.executions.countsByState(campaign.id)).succeeded ?? 0) : 0;
    const rate = effectiveRate(campaign.ratePerMinute, campaign.ramp, succeeded);
    const { max, duration } = limiterFor(rate);
    await entry.queue.setGlobalRateLimit(max, duration);
    await entry.queue.setGlobalConcurrency(campaign.maxInFlight);
    if (rate !== entry.appliedRate) this.deps.log.info({ campaignId: campaign.id, ratePerMinute: rate }, 'dispatch rate');
    entry.appliedRate = rate;
  }

  private async process(job: Job<FlashJobData>, campaign: Campaign, token?: string): Promise<void> {
    const { executions, waiter, log } = this.deps;
    const { executionId } = job.data;
    const claim = await executions.claimForOffer(executionId, this.deps.capacity);
    if (claim.kind === 'missing') {
      log.warn({ executionId }, 'flash job for an unknown execution');
      return;
    }
    if (claim.kind === 'held') return; // campaign paused or cancelled: resume dispatches it again
    if (claim.kind === 'offline') return; // dispatchForVehicle() offers it when the vehicle reports
    if (claim.kind === 'later') {
      // Not now: the same job sleeps until the window opens, the ECU is free or a slot may be; it holds no
      // in-flight slot meanwhile.
      await job.moveToDelayed(Date.now() + claim.delayMs, token);
      throw new DelayedError();
    }
    if (claim.kind === 'offer' || claim.kind === 'resend') {
      // Waiting from the claim on: the execution was offerable in it, so whatever ends it comes after now (a
      // resend's may have ended already, so it reads the state too).
      const ended = waiter.wait(executionId, campaign.executionTimeoutS * 1000, { checkNow: claim.kind === 'resend' });
      try {
        // A resend after a restart waits for a reachable vehicle like any other (untilEnded).
        if (claim.kind === 'offer' || claim.reachable) await this.sendOffer(campaign, claim);
      } catch (err) {
        waiter.forget(executionId);
        throw err;
      }
      const outcome = await this.untilEnded(campaign, executionId, ended);
      if (outcome === 'closed') return;
      if (outcome === 'retry_wait') {
        await this.scheduleRetry(campaign, executionId);
        return;
      }
      if (outcome === 'timeout') {
        const t = await executions.transition(executionId, {
          to: 'timed_out',
          resultCode: 'TIMED_OUT',
          detail: `no result within ${campaign.executionTimeoutS} s`,
        });
        if (!t.ok && t.current !== null) log.info({ executionId, state: t.current }, 'timeout raced a final state');
      }
    }
    await this.advance(campaign.id);
  }

  /**
   * Waits for the execution to end. An offer can be lost on its way (a broker restarting, a clustered
   * gateway's Redis subscription dropped under load, a vehicle that crashed before it read it), and the
   * vehicle would never know of it: while the execution is still offered (no chunk asked for, no answer)
   * the same offer goes again, with a fresh manifest counter, after offerResendMs, then twice as long each
   * time. Vehicles take a repeated execution id as the offer they already have; no attempt is spent.
   */
  private async untilEnded(campaign: Campaign, executionId: string, ended: Promise<WaitOutcome>): Promise<WaitOutcome> {
    const { executions, log } = this.deps;
    for (let delay = this.deps.offerResendMs ?? DEFAULT_OFFER_RESEND_MS; ; delay *= 2) {
      let timer: NodeJS.Timeout | undefined;
      const lapse = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), delay)));
      const outcome = await Promise.race([ended, lapse]);
      clearTimeout(timer);
      if (outcome !== null) return outcome;
      try {
        // Downloading or further: the offer arrived, and from here on the vehicle asks for what it misses.
        if ((await executions.get(executionId))?.state !== 'offered') return ended;
        const claim = await executions.claimForOffer(executionId);
        if (claim.kind !== 'resend') return ended;
        // Offline, or back but not reported yet: the next lapse, when its report has given a nonce to echo.
        if (!claim.reachable) continue;
        await this.sendOffer(campaign, claim);
        log.info({ executionId, vin: claim.execution.vin, afterMs: delay }, 'offer not taken up: sent again');
      } catch (err) {
        // Postgres or the broker away: the next lapse tries again; the execution's timeout still holds.
        log.warn({ executionId, err: (err as Error).message }, 'offer not sent again');
      }
    }
  }

  /** Signs the manifest for this claim and publishes it to the vehicle. */
  private async sendOffer(campaign: Campaign, claim: Extract<OfferClaim, { kind: 'offer' | 'resend' }>): Promise<void> {
    const { execution, update, targets, freshness } = claim;
    const offer = await this.deps.signer.sign(
      {
        executionId: execution.id,
        attempt: execution.attempts,
        rollback: campaign.rollbackOf !== null,
        consentRequired: campaign.consent === 'required',
        vin: execution.vin,
        updateName: update.name,
        counter: freshness.counter,
        nonce: freshness.nonce,
        vehicleRootVersion: freshness.rootVersion,
        targets: targets.map((t) => {
          if (!t.update.image || !t.update.releaseEnvelope) throw new Error(`update ${t.update.id} lost its image or release`);
          return {
            ecuModule: t.update.module,
            ecuSerial: t.ecuSerial,
            hardwareIds: t.update.hardwareIds,
            version: t.update.version,
            releaseCounter: t.update.releaseCounter,
            installOrder: t.installOrder,
            image: t.update.image,
            releaseEnvelope: t.update.releaseEnvelope,
          };
        }),
        preconditions: campaign.preconditions,
        download: campaign.download,
        ...(this.deps.chunkWindow ? { chunkWindow: this.deps.chunkWindow } : {}),
      },
      this.deps.clock.now(),
    );
    await this.deps.channel.sendOffer(execution.vin, offer, { executionId: execution.id, targets });
  }

  /** A transient failure: the same execution goes out again as a delayed job once its backoff has passed. */
  private async scheduleRetry(campaign: Campaign, executionId: string): Promise<void> {
    const execution = await this.deps.executions.get(executionId);
    if (!execution || execution.state !== 'retry_wait' || !execution.nextAttemptAt) return;
    const { queue } = await this.attach(campaign);
    const delay = Math.max(0, execution.nextAttemptAt.getTime() - this.deps.clock.now().getTime());
    await queue.add(
      'flash',
      { campaignId: campaign.id, executionId },
      // One job id per attempt: the job of the attempt that failed is still active while this one is added.
      { jobId: `${executionId}.a${execution.attempts + 1}`, delay, removeOnComplete: true, removeOnFail: 1000 },
    );
  }

  /**
   * A vehicle reported: offer it whatever waits for it (executions skipped while it was offline, retries
   * whose backoff passed while it was away, dynamic campaigns it now matches). Idempotent: job ids are per
   * execution and attempt.
   */
  async dispatchForVehicle(vin: string): Promise<void> {
    const { campaigns } = this.deps.vehicleLookups ?? this.deps;
    const { joinable, offerable } = await campaigns.waitingFor(vin, this.deps.clock.now());
    // New matches of dynamic campaigns become queued executions in the open phase: offered with the rest.
    const joined = joinable.length > 0 ? await campaigns.joinDynamic(vin, joinable) : [];
    const waiting = [...offerable, ...joined.map((j) => ({ id: j.executionId, campaignId: j.campaign.id, attempts: 0 }))];
    if (waiting.length === 0) return;
    const enqueued = (async () => {
      for (const w of waiting) {
        const campaign = await campaigns.get(w.campaignId);
        const { queue } = await this.attach(campaign);
        await queue.add(
          'flash',
          { campaignId: campaign.id, executionId: w.id },
          { jobId: w.attempts === 0 ? w.id : `${w.id}.a${w.attempts + 1}`, removeOnComplete: true, removeOnFail: 1000 },
        );
      }
    })();
    // The vehicle's next messages wait for this one's handling: with Redis away, they must not wait for it.
    // The enqueue lands when Redis is back; if the process dies first, the vehicle's next report asks again.
    await awaitQueueWork(enqueued, this.deps.log, 'offers for a reporting vehicle', { vin, executions: waiting.map((w) => w.id) });
  }

  /**
   * Lets the rollout take its next step, and dispatches what that step opened. Every job that ends asks
   * for this; the step locks the campaign and counts its executions, so concurrent asks for one campaign
   * are folded: while a step runs, further asks wait for one more step after it, which sees their changes.
   * (Per process, and only a shortcut: the decision itself is made in Postgres under the campaign's lock.)
   */
  advance(campaignId: string): Promise<void> {
    const running = this.advancing.get(campaignId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await this.advanceOnce(campaignId);
        } while (entry.again);
      } finally {
        this.advancing.delete(campaignId);
      }
    })();
    this.advancing.set(campaignId, entry);
    return entry.done;
  }

  private async advanceOnce(campaignId: string): Promise<void> {
    const step = await this.deps.rollouts.advance(campaignId);
    if (step.decision.type !== 'none') this.deps.log.info({ campaignId, decision: step.decision }, 'rollout step');
    if (step.campaign.ramp) await this.applyPacing(step.campaign);
    if (step.dispatch.length > 0) await this.dispatch(step.campaign, step.dispatch);
  }
}
