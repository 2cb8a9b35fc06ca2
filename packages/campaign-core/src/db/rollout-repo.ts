import type pg from 'pg';
import type { Clock } from '../clock.js';
import { canMoveCampaign, decideRollout, type CampaignState, type ExecutionCounts, type RolloutDecision } from '../domain/campaign-state.js';
import { OFFERABLE_STATES, TERMINAL_STATES, type ExecutionState } from '../domain/execution-state.js';
import type { PhaseCounts } from '../domain/rollout-plan.js';
import { OtaError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { toCampaign, type Campaign, type CampaignRepo } from './campaign-repo.js';
import { toExecution, type Execution, type ExecutionRepo } from './execution-repo.js';
import { inTransaction, prepared } from './pool.js';

export interface RolloutStep {
  campaign: Campaign;
  decision: RolloutDecision;
  /** Executions that just became dispatchable (a phase opened, or the campaign resumed). */
  dispatch: string[];
}

const FAILED: ReadonlySet<string> = new Set(['failed', 'timed_out']);

/**
 * Moves campaigns through their rollout: the adapter around the pure decideRollout(). Every step locks the
 * campaign row, reads the counts, decides, and writes the decision with its audit row in one transaction.
 */
interface ProgressRow {
  phase: number;
  state: ExecutionState;
  acknowledged: boolean;
  code: string | null;
  n: string;
  offered: string;
  bytes_sent: string;
}

const PROGRESS = prepared('rollout.progress', `SELECT phase, state, acknowledged, result_code AS code, count(*) AS n,
         count(*) FILTER (WHERE offered_at IS NOT NULL) AS offered, COALESCE(sum(bytes_sent), 0) AS bytes_sent
       FROM executions WHERE campaign_id = $1 GROUP BY phase, state, acknowledged, result_code`);

/** Per phase: its size and what the thresholds count (cancelled and declined vehicles count against none). */
function toPhaseCounts(campaign: Campaign, rows: readonly ProgressRow[]): PhaseCounts[] {
  const phases: PhaseCounts[] = campaign.rollout.phases.map(() => ({
    size: 0,
    succeeded: 0,
    failed: 0,
    acknowledged: 0,
    active: 0,
    failureCodes: {},
  }));
  for (const r of rows) {
    const c = phases[r.phase];
    if (!c) continue;
    const n = Number(r.n);
    c.size += n;
    if (r.state === 'succeeded') c.succeeded += n;
    else if (r.acknowledged || r.state === 'cancelled' || r.state === 'rejected') c.acknowledged += n;
    else if (FAILED.has(r.state)) {
      c.failed += n;
      const code = r.code ?? r.state.toUpperCase();
      c.failureCodes[code] = (c.failureCodes[code] ?? 0) + n;
    } else if (!TERMINAL_STATES.has(r.state)) c.active += n;
  }
  return phases;
}

export class RolloutRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly campaigns: CampaignRepo,
    private readonly executions: ExecutionRepo,
  ) {}

  async phaseCounts(db: Pick<pg.PoolClient, 'query'>, campaign: Campaign): Promise<PhaseCounts[]> {
    const { rows } = await db.query<ProgressRow>(PROGRESS([campaign.id]));
    return toPhaseCounts(campaign, rows);
  }

  /**
   * A campaign's progress in one pass over its executions: counts by state, per phase (as the thresholds
   * count them), executions ever offered, and bytes sent.
   */
  async progress(campaign: Campaign): Promise<{ byState: ExecutionCounts; phases: PhaseCounts[]; offered: number; bytesSent: number }> {
    const { rows } = await this.pool.query<ProgressRow>(PROGRESS([campaign.id]));
    const byState: ExecutionCounts = {};
    let offered = 0;
    let bytesSent = 0;
    for (const r of rows) {
      byState[r.state] = (byState[r.state] ?? 0) + Number(r.n);
      offered += Number(r.offered);
      bytesSent += Number(r.bytes_sent);
    }
    return { byState, phases: toPhaseCounts(campaign, rows), offered, bytesSent };
  }

  /** Decides and applies the campaign's next step after a result; safe to call any number of times. */
  async advance(id: string): Promise<RolloutStep> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      const phases = await this.phaseCounts(client, campaign);
      const decision = decideRollout(
        { state: campaign.state, currentPhase: campaign.currentPhase, awaitingApproval: campaign.awaitingApproval, phases, dynamic: campaign.dynamic },
        campaign.rollout,
      );
      const audit = { actor: 'system', entityType: 'campaign' as const, entityId: id };
      switch (decision.type) {
        case 'none':
          return { campaign, decision, dispatch: [] };
        case 'pause': {
          const after = await this.update(client, id, `state = 'paused', pause_reason = $2, paused_at = $3`, [JSON.stringify(decision.reason), now]);
          await appendAudit(client, now, { ...audit, action: 'campaign.auto-pause', before: { state: 'running' }, after: { state: 'paused', reason: decision.reason }, reason: decision.reason.message });
          return { campaign: after, decision, dispatch: [] };
        }
        case 'open-phase': {
          const after = await this.update(client, id, 'current_phase = $2', [decision.phase]);
          await appendAudit(client, now, { ...audit, action: 'campaign.phase-open', before: { phase: campaign.currentPhase }, after: { phase: decision.phase }, reason: `phase ${campaign.currentPhase + 1} reached its success threshold` });
          return { campaign: after, decision, dispatch: await this.queuedUpTo(client, id, decision.phase) };
        }
        case 'await-approval': {
          const after = await this.update(client, id, 'awaiting_approval = $2', [decision.phase]);
          await appendAudit(client, now, { ...audit, action: 'campaign.awaiting-approval', after: { phase: decision.phase }, reason: `phase ${decision.phase + 1} needs an operator's approval` });
          return { campaign: after, decision, dispatch: [] };
        }
        case 'complete': {
          const after = await this.update(client, id, `state = 'completed', finished_at = $2`, [now]);
          await appendAudit(client, now, { ...audit, action: 'campaign.complete', before: { state: 'running' }, after: { state: 'completed' }, reason: 'every execution reached a final state' });
          return { campaign: after, decision, dispatch: [] };
        }
      }
    });
  }

  async approve(id: string, actor: string): Promise<RolloutStep> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      if (campaign.state !== 'running' || campaign.awaitingApproval === null) {
        throw new OtaError('OTA_ERR_CAMPAIGN_STATE', 'no phase is waiting for approval');
      }
      const phase = campaign.awaitingApproval;
      const after = await this.update(client, id, 'current_phase = $2, awaiting_approval = NULL', [phase]);
      await appendAudit(client, now, { actor, action: 'campaign.approve-phase', entityType: 'campaign', entityId: id, after: { phase } });
      return { campaign: after, decision: { type: 'open-phase', phase }, dispatch: await this.queuedUpTo(client, id, phase) };
    });
  }

  async pause(id: string, actor: string, reason: string): Promise<Campaign> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      this.mustMove(campaign.state, 'paused');
      const pauseReason = { threshold: 'operator', message: reason };
      const after = await this.update(client, id, `state = 'paused', pause_reason = $2, paused_at = $3`, [JSON.stringify(pauseReason), now]);
      await appendAudit(client, now, { actor, action: 'campaign.pause', entityType: 'campaign', entityId: id, before: { state: campaign.state }, after: { state: 'paused' }, reason });
      return after;
    });
  }

  /**
   * Resumes a paused campaign. The failures that paused it are set aside (acknowledged): the operator has
   * seen them, and they no longer count against the thresholds. Queued vehicles of open phases go out again.
   */
  async resume(id: string, actor: string, reason?: string): Promise<RolloutStep> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      this.mustMove(campaign.state, 'running');
      const acked = await client.query(
        `UPDATE executions SET acknowledged = true WHERE campaign_id = $1 AND phase <= $2
           AND state IN ('failed', 'timed_out') AND NOT acknowledged`,
        [id, campaign.currentPhase],
      );
      const after = await this.update(client, id, `state = 'running', pause_reason = NULL, paused_at = NULL`, []);
      await appendAudit(client, now, {
        actor,
        action: 'campaign.resume',
        entityType: 'campaign',
        entityId: id,
        before: { state: campaign.state, pauseReason: campaign.pauseReason },
        after: { state: 'running', acknowledgedFailures: acked.rowCount ?? 0 },
        ...(reason ? { reason } : {}),
      });
      return { campaign: after, decision: { type: 'none' }, dispatch: await this.queuedUpTo(client, id, campaign.currentPhase) };
    });
  }

  /**
   * Cancels the campaign: queued executions are withdrawn at once; the ones in flight are returned so the
   * caller can ask their vehicles to abort (their results then end them).
   */
  async cancel(id: string, actor: string, reason?: string): Promise<{ campaign: Campaign; inFlight: Execution[]; withdrawn: number }> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      this.mustMove(campaign.state, 'cancelled');
      const { rows } = await client.query(
        `SELECT * FROM executions WHERE campaign_id = $1 AND state <> ALL($2) FOR UPDATE`,
        [id, [...TERMINAL_STATES]],
      );
      const inFlight: Execution[] = [];
      let withdrawn = 0;
      for (const row of rows) {
        const execution = toExecution(row);
        if (OFFERABLE_STATES.includes(execution.state)) {
          await this.executions.applyTransition(client, execution, 'cancelled', { resultCode: 'OPERATION_CANCELLED', detail: 'campaign cancelled' });
          withdrawn++;
        } else inFlight.push(execution);
      }
      const after = await this.update(client, id, `state = 'cancelled', finished_at = $2`, [now]);
      await appendAudit(client, now, {
        actor,
        action: 'campaign.cancel',
        entityType: 'campaign',
        entityId: id,
        before: { state: campaign.state },
        after: { state: 'cancelled', withdrawn, inFlight: inFlight.length },
        ...(reason ? { reason } : {}),
      });
      return { campaign: after, inFlight, withdrawn };
    });
  }

  /**
   * The campaign's end time passed: vehicles still waiting for an offer are withdrawn (cancelled with
   * CAMPAIGN_ENDED); those in flight finish. The campaign then completes as usual.
   */
  async endWindow(id: string): Promise<number> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const campaign = await this.campaigns.lock(client, id);
      const { rows } = await client.query(
        `SELECT * FROM executions WHERE campaign_id = $1 AND state = ANY($2) FOR UPDATE`,
        [id, [...OFFERABLE_STATES]],
      );
      for (const row of rows) {
        await this.executions.applyTransition(client, toExecution(row), 'cancelled', { resultCode: 'CAMPAIGN_ENDED', detail: 'the campaign reached its end time' });
      }
      if (rows.length > 0) {
        await appendAudit(client, now, { actor: 'scheduler', action: 'campaign.end', entityType: 'campaign', entityId: id, after: { withdrawn: rows.length }, reason: `end time ${campaign.endAt?.toISOString()} passed` });
      }
      return rows.length;
    });
  }

  private mustMove(from: CampaignState, to: CampaignState): void {
    if (!canMoveCampaign(from, to)) throw new OtaError('OTA_ERR_CAMPAIGN_STATE', `a ${from} campaign cannot become ${to}`);
  }

  private async queuedUpTo(client: pg.PoolClient, id: string, phase: number): Promise<string[]> {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text FROM executions WHERE campaign_id = $1 AND state = 'queued' AND phase <= $2 ORDER BY phase, id`,
      [id, phase],
    );
    return rows.map((r) => r.id);
  }

  private async update(client: pg.PoolClient, id: string, set: string, params: unknown[]): Promise<Campaign> {
    const { rows } = await client.query(`UPDATE campaigns SET ${set} WHERE id = $1 RETURNING *`, [id, ...params]);
    return toCampaign(rows[0]);
  }
}
