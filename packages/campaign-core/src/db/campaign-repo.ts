import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { CampaignState } from '../domain/campaign-state.js';
import { BundleError, installOrder, planBundle, type PlannedTarget } from '../domain/bundle-plan.js';
import { TERMINAL_STATES } from '../domain/execution-state.js';
import { DEFAULT_ROLLOUT, phaseBoundaries, phaseOf, type PauseReason, type RolloutPolicy } from '../domain/rollout-plan.js';
import type { SoftwareUpdate } from '../domain/types.js';
import type { Ramp } from '../dispatch/pacing.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../domain/retry-policy.js';
import { TargetFilterError, checkTargetFilter, matchesTarget, type TargetFilter } from '../domain/target-filter.js';
import { WindowError, checkWindow, type MaintenanceWindow } from '../domain/maintenance-window.js';
import type { Priority } from '../domain/priority.js';
import type { DownloadPolicy, Preconditions } from '../signing/manifest-signer.js';
import { OtaError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { inTransaction, prepared, withClient } from './pool.js';
import { toUpdate } from './update-repo.js';
import type { VehicleRepo } from './vehicle-repo.js';

export interface CampaignPolicy {
  /** Vehicles offered per minute, at most. */
  ratePerMinute: number;
  /** Vehicles between offer and result, at most. */
  maxInFlight: number;
  /** An execution without a result after this long ends timed out. */
  executionTimeoutS: number;
}

export interface NewCampaign extends Partial<CampaignPolicy> {
  name: string;
  updateId: string;
  rollout?: Partial<RolloutPolicy>;
  ramp?: Ramp | null;
  retry?: Partial<RetryPolicy>;
  target?: TargetFilter;
  /** Vehicles that match later (new registrations, new reports) join while it runs. */
  dynamic?: boolean;
  /** Start by itself at this time (a start request before it schedules the campaign). */
  startAt?: Date;
  /** No vehicle is offered anything after this time; queued ones are withdrawn. */
  endAt?: Date;
  /** Offer only inside this daily window, in each vehicle's time zone. */
  maintenanceWindow?: MaintenanceWindow;
  /** 'queue': vehicles whose ECU another campaign is updating wait for it, instead of refusing the campaign. */
  onConflict?: 'refuse' | 'queue';
  /** Which campaign goes first when the shared in-flight capacity is full. */
  priority?: Priority;
  /** 'required': the vehicle asks its driver first; 'forced' (default): it installs without asking. */
  consent?: 'forced' | 'required';
  /** Updates installed together with the main one, on the vehicles they apply to, in dependency order. */
  bundle?: string[];
  /** What the vehicle checks before flashing (battery, parked, ignition off). */
  preconditions?: Preconditions;
  /** The slowest download tolerated before the vehicle reports slow retrieval. */
  download?: DownloadPolicy;
}

export interface CampaignPlan {
  eligible: number;
  phaseSizes: number[];
  byModel: Record<string, number>;
  byRegion: Record<string, number>;
  /** The first vehicles in dispatch order, with their phase. */
  sample: { vin: string; model: string; region: string; ecuSerial: string; fromVersion: string; phase: number }[];
  /** Other campaigns already updating some of these ECUs; creating this one would be refused. */
  conflicts: { campaignId: string; name: string; ecus: number }[];
}

export type PacingChange = Partial<Pick<CampaignPolicy, 'ratePerMinute' | 'maxInFlight'>> & { ramp?: Ramp | null };

export interface Campaign extends CampaignPolicy {
  id: string;
  name: string;
  updateId: string;
  state: CampaignState;
  rollout: RolloutPolicy;
  ramp: Ramp | null;
  retry: RetryPolicy;
  target: TargetFilter;
  dynamic: boolean;
  startAt: Date | null;
  endAt: Date | null;
  maintenanceWindow: MaintenanceWindow | null;
  rollbackOf: string | null;
  onConflict: 'refuse' | 'queue';
  priority: Priority;
  consent: 'forced' | 'required';
  bundle: string[];
  preconditions: Preconditions | null;
  download: DownloadPolicy | null;
  currentPhase: number;
  awaitingApproval: number | null;
  pauseReason: (PauseReason | { threshold: 'operator'; message: string }) | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const DEFAULT_POLICY: CampaignPolicy = { ratePerMinute: 600, maxInFlight: 100, executionTimeoutS: 600 };

/**
 * What waits for a vehicle that reports, in one lookup: running dynamic campaigns it matches but has not
 * joined ('join'), and its executions waiting for an offer in open phases of running campaigns ('offer':
 * queued, or retry_wait whose backoff has passed by $2).
 */
const WAITING_FOR_VEHICLE = prepared('campaign.waiting-for-vehicle', `SELECT 'join' AS kind, c.id::text AS campaign_id, NULL::text AS execution_id, 0 AS attempts
       FROM campaigns c JOIN updates u ON u.id = c.update_id
       WHERE c.state = 'running' AND c.dynamic AND EXISTS (SELECT 1 FROM ecus e WHERE e.vin = $1 AND e.module = u.module)
         AND NOT EXISTS (SELECT 1 FROM executions x WHERE x.campaign_id = c.id AND x.vin = $1)
     UNION ALL
     SELECT 'offer', e.campaign_id::text, e.id::text, e.attempts FROM executions e JOIN campaigns c ON c.id = e.campaign_id
       WHERE e.vin = $1 AND c.state = 'running' AND e.phase <= c.current_phase
         AND (e.state = 'queued' OR (e.state = 'retry_wait' AND e.next_attempt_at <= $2))`);

/** An execution waiting for its offer. */
export interface WaitingExecution {
  id: string;
  campaignId: string;
  attempts: number;
}

export class CampaignRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly vehicles: VehicleRepo,
  ) {}

  async create(input: NewCampaign, actor: string, rollbackOf?: string): Promise<Campaign & { eligible: number; phaseSizes: number[] }> {
    const now = this.clock.now();
    const rollout: RolloutPolicy = { ...DEFAULT_ROLLOUT, ...input.rollout };
    if (rollout.phases.length === 0) throw new OtaError('OTA_ERR_VALIDATION', 'a rollout needs at least one phase');
    validateTarget(input.target);
    if (input.maintenanceWindow) validateWindow(input.maintenanceWindow);
    if (input.startAt && input.endAt && input.endAt <= input.startAt) throw new OtaError('OTA_ERR_VALIDATION', 'endAt must be after startAt');
    return inTransaction(this.pool, async (client) => {
      const { main: update, companions } = await this.lockBundle(client, input.updateId, input.bundle ?? []);
      const { rows } = await client.query(
        `INSERT INTO campaigns (name, update_id, state, rate_per_minute, max_in_flight, execution_timeout_s, rollout,
           created_by, created_at, ramp, retry, target, dynamic, start_at, end_at, maintenance_window, rollback_of,
           on_conflict, priority, consent, bundle, preconditions, download)
         VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING *`,
        [
          input.name,
          update.id,
          input.ratePerMinute ?? DEFAULT_POLICY.ratePerMinute,
          input.maxInFlight ?? DEFAULT_POLICY.maxInFlight,
          input.executionTimeoutS ?? DEFAULT_POLICY.executionTimeoutS,
          JSON.stringify(rollout),
          actor,
          now,
          input.ramp ? JSON.stringify(input.ramp) : null,
          JSON.stringify({ ...DEFAULT_RETRY, ...input.retry }),
          JSON.stringify(input.target ?? {}),
          input.dynamic ?? false,
          input.startAt ?? null,
          input.endAt ?? null,
          input.maintenanceWindow ? JSON.stringify(input.maintenanceWindow) : null,
          rollbackOf ?? null,
          input.onConflict ?? 'refuse',
          input.priority ?? 'normal',
          input.consent ?? 'forced',
          companions.map((c) => c.id),
          input.preconditions ? JSON.stringify(input.preconditions) : null,
          input.download ? JSON.stringify(input.download) : null,
        ],
      );
      const campaign = toCampaign(rows[0]);
      await appendAudit(client, now, { actor, action: 'campaign.create', entityType: 'campaign', entityId: campaign.id, after: campaign });
      const targets = await this.eligibleTargets(client, update, companions, campaign.target, undefined, campaign.rollbackOf !== null);
      if (campaign.onConflict === 'refuse') await this.refuseConflicts(client, campaign.id, targets);
      const eligible = targets.length;
      return { ...campaign, eligible, phaseSizes: sizesOf(phaseBoundaries(eligible, rollout.phases)) };
    });
  }

  /**
   * Starts a draft campaign: one queued execution per eligible, matching vehicle, fixed now, each placed in
   * a phase by dispatch order. Returns the first phase's executions, to dispatch.
   */
  async start(id: string, actor: string): Promise<{ campaign: Campaign; executionIds: string[] }> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const before = await this.lock(client, id);
      if (before.state !== 'draft' && before.state !== 'scheduled') {
        throw new OtaError('OTA_ERR_CAMPAIGN_STATE', `campaign is ${before.state}, only a draft or scheduled one can start`);
      }
      const { main: update, companions } = await this.lockBundle(client, before.updateId, before.bundle);
      for (const u of [update, ...companions]) {
        if (!u.image) throw new OtaError('OTA_ERR_IMAGE_MISSING', `${u.module} ${u.version} has no image uploaded yet`);
        // Uptane: nothing reaches a vehicle without the release key's signature over it.
        if (!u.releaseEnvelope) throw new OtaError('OTA_ERR_UPDATE_NOT_RELEASED', `${u.module} ${u.version} has no signed release entry`);
      }
      const targets = inDispatchOrder(before.name, await this.eligibleTargets(client, update, companions, before.target, undefined, before.rollbackOf !== null));
      if (targets.length === 0) throw new OtaError('OTA_ERR_NO_ELIGIBLE_VEHICLES');
      if (before.onConflict === 'refuse') await this.refuseConflicts(client, id, targets);
      const ends = phaseBoundaries(targets.length, before.rollout.phases);
      const { rows } = await client.query<{ id: string; phase: number; vin: string }>(
        `INSERT INTO executions (campaign_id, vin, ecu_serial, from_version, state, phase, created_at, updated_at)
         SELECT $1, t.vin, t.serial, t.version, 'queued', t.phase, $2, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS t(vin, serial, version, phase)
         RETURNING id::text, phase, vin`,
        [
          id,
          now,
          targets.map((t) => t.vin),
          targets.map((t) => t.serial),
          targets.map((t) => t.version),
          targets.map((_, i) => phaseOf(i, ends)),
        ],
      );
      const byVin = new Map(targets.map((t) => [t.vin, t]));
      await insertExecutionTargets(client, rows.map((r) => ({ executionId: r.id, targets: byVin.get(r.vin)!.plan })));
      const started = await client.query(`UPDATE campaigns SET state = 'running', started_at = $2 WHERE id = $1 RETURNING *`, [id, now]);
      const campaign = toCampaign(started.rows[0]);
      await appendAudit(client, now, {
        actor,
        action: 'campaign.start',
        entityType: 'campaign',
        entityId: id,
        before: { state: before.state },
        after: { state: campaign.state, executions: rows.length, phaseSizes: sizesOf(ends) },
      });
      return { campaign, executionIds: rows.filter((r) => r.phase === 0).map((r) => r.id) };
    });
  }

  /** Changes the pacing of a campaign, running or not; the dispatcher applies it to the queue. */
  async changePacing(id: string, change: PacingChange, actor: string): Promise<Campaign> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const before = await this.lock(client, id);
      if (before.state === 'completed' || before.state === 'cancelled') {
        throw new OtaError('OTA_ERR_CAMPAIGN_STATE', `a ${before.state} campaign has no pacing to change`);
      }
      const { rows } = await client.query(
        `UPDATE campaigns SET rate_per_minute = $2, max_in_flight = $3, ramp = $4 WHERE id = $1 RETURNING *`,
        [
          before.id,
          change.ratePerMinute ?? before.ratePerMinute,
          change.maxInFlight ?? before.maxInFlight,
          change.ramp === undefined ? (before.ramp ? JSON.stringify(before.ramp) : null) : change.ramp ? JSON.stringify(change.ramp) : null,
        ],
      );
      const after = toCampaign(rows[0]);
      const pacing = (c: Campaign) => ({ ratePerMinute: c.ratePerMinute, maxInFlight: c.maxInFlight, ramp: c.ramp });
      await appendAudit(client, now, { actor, action: 'campaign.pacing', entityType: 'campaign', entityId: id, before: pacing(before), after: pacing(after) });
      return after;
    });
  }

  /** A draft whose startAt is ahead waits as scheduled; the scheduler starts it when the time comes. */
  async schedule(id: string, actor: string): Promise<Campaign> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const before = await this.lock(client, id);
      if (before.state !== 'draft') throw new OtaError('OTA_ERR_CAMPAIGN_STATE', `campaign is ${before.state}, only a draft can be scheduled`);
      const { rows } = await client.query(`UPDATE campaigns SET state = 'scheduled' WHERE id = $1 RETURNING *`, [before.id]);
      const after = toCampaign(rows[0]);
      await appendAudit(client, now, { actor, action: 'campaign.schedule', entityType: 'campaign', entityId: id, before: { state: 'draft' }, after: { state: 'scheduled', startAt: after.startAt } });
      return after;
    });
  }

  /** Scheduled campaigns whose start time has come. */
  async dueToStart(now: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(`SELECT id::text FROM campaigns WHERE state = 'scheduled' AND start_at <= $1`, [now]);
    return rows.map((r) => r.id);
  }

  /** Running or paused campaigns past their end time that still have vehicles waiting for an offer. */
  async dueToEnd(now: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT c.id::text FROM campaigns c WHERE c.state IN ('running', 'paused') AND c.end_at <= $1
         AND EXISTS (SELECT 1 FROM executions e WHERE e.campaign_id = c.id AND e.state IN ('queued', 'retry_wait'))`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<Campaign> {
    const { rows } = await this.pool.query('SELECT * FROM campaigns WHERE id::text = $1', [id]);
    if (!rows[0]) throw new OtaError('OTA_ERR_CAMPAIGN_NOT_FOUND', `no campaign ${id}`);
    return toCampaign(rows[0]);
  }

  async listByState(state: CampaignState): Promise<Campaign[]> {
    const { rows } = await this.pool.query('SELECT * FROM campaigns WHERE state = $1 ORDER BY created_at', [state]);
    return rows.map(toCampaign);
  }

  /** Locks the campaign row for the rest of the caller's transaction. */
  async lock(client: pg.PoolClient, id: string): Promise<Campaign> {
    const { rows } = await client.query('SELECT * FROM campaigns WHERE id::text = $1 FOR UPDATE', [id]);
    if (!rows[0]) throw new OtaError('OTA_ERR_CAMPAIGN_NOT_FOUND', `no campaign ${id}`);
    return toCampaign(rows[0]);
  }

  /**
   * What a campaign would target, without writing anything: counts per phase, model and region, the first
   * vehicles in dispatch order, and the campaigns it would conflict with.
   */
  async dryRun(input: NewCampaign): Promise<CampaignPlan> {
    validateTarget(input.target);
    const rollout: RolloutPolicy = { ...DEFAULT_ROLLOUT, ...input.rollout };
    return withClient(this.pool, async (client) => {
      const { main: update, companions } = await this.lockBundle(client, input.updateId, input.bundle ?? []);
      const targets = inDispatchOrder(input.name, await this.eligibleTargets(client, update, companions, input.target ?? {}));
      const ends = phaseBoundaries(targets.length, rollout.phases);
      const count = (key: 'model' | 'region') =>
        targets.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t[key]]: (acc[t[key]] ?? 0) + 1 }), {});
      return {
        eligible: targets.length,
        phaseSizes: sizesOf(ends),
        byModel: count('model'),
        byRegion: count('region'),
        sample: targets.slice(0, 10).map((t, i) => ({
          vin: t.vin,
          model: t.model,
          region: t.region,
          ecuSerial: t.serial,
          fromVersion: t.version,
          phase: phaseOf(i, ends),
        })),
        conflicts: await this.conflictsWith(client, '', targets),
      };
    });
  }

  /** What waits for `vin`: dynamic campaigns to join, and executions to offer (WAITING_FOR_VEHICLE). */
  async waitingFor(vin: string, now: Date): Promise<{ joinable: string[]; offerable: WaitingExecution[] }> {
    const { rows } = await this.pool.query<{ kind: 'join' | 'offer'; campaign_id: string; execution_id: string | null; attempts: number }>(
      WAITING_FOR_VEHICLE([vin, now]),
    );
    return {
      joinable: rows.filter((r) => r.kind === 'join').map((r) => r.campaign_id),
      offerable: rows.filter((r) => r.kind === 'offer').map((r) => ({ id: r.execution_id!, campaignId: r.campaign_id, attempts: r.attempts })),
    };
  }

  /**
   * Dynamic campaigns: a vehicle that now matches (registered or updated after the start) joins each of these
   * running dynamic campaigns for its ECUs, in the phase that is open. Returns the executions created, to
   * dispatch.
   */
  async joinDynamic(vin: string, campaignIds: readonly string[]): Promise<{ campaign: Campaign; executionId: string }[]> {
    const now = this.clock.now();
    const joined: { campaign: Campaign; executionId: string }[] = [];
    for (const campaignId of campaignIds) {
      const id = await inTransaction(this.pool, async (client) => {
        const campaign = await this.lock(client, campaignId);
        if (campaign.state !== 'running') return null;
        const { main: update, companions } = await this.lockBundle(client, campaign.updateId, campaign.bundle);
        const [target] = await this.eligibleTargets(client, update, companions, campaign.target, vin);
        if (!target || (await this.conflictsWith(client, campaign.id, [target])).length > 0) return null;
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO executions (campaign_id, vin, ecu_serial, from_version, state, phase, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'queued', $5, $6, $6) ON CONFLICT (campaign_id, vin) DO NOTHING RETURNING id::text`,
          [campaign.id, vin, target.serial, target.version, campaign.currentPhase, now],
        );
        const executionId = inserted.rows[0]?.id;
        if (!executionId) return null;
        await insertExecutionTargets(client, [{ executionId, targets: target.plan }]);
        await appendAudit(client, now, { actor: 'system', action: 'campaign.join', entityType: 'campaign', entityId: campaign.id, after: { vin, phase: campaign.currentPhase }, reason: 'vehicle matches a dynamic campaign' });
        return { campaign, executionId };
      });
      if (id) joined.push(id);
    }
    return joined;
  }

  /**
   * A rollback campaign for campaign `of`: the older `updateId` goes back onto the vehicles of `of` (all
   * of them, or those whose execution failed), as a campaign of its own, phased and paced like any other.
   */
  async createRollback(
    of: string,
    input: Omit<NewCampaign, 'target' | 'dynamic'> & { scope: 'all' | 'failed' },
    actor: string,
  ): Promise<Campaign & { eligible: number; phaseSizes: number[] }> {
    const original = await this.get(of);
    const [from, to] = await Promise.all([this.pool.query('SELECT module, version FROM updates WHERE id = $1', [original.updateId]), this.pool.query('SELECT module, version FROM updates WHERE id::text = $1', [input.updateId])]);
    const target = to.rows[0];
    if (!target) throw new OtaError('OTA_ERR_UPDATE_NOT_FOUND', `no update ${input.updateId}`);
    if (target.module !== from.rows[0].module) throw new OtaError('OTA_ERR_VALIDATION', `a rollback must target module ${from.rows[0].module}`);
    const states = input.scope === 'failed' ? ['failed', 'timed_out'] : ['succeeded', 'installed', 'failed', 'timed_out', 'cancelled'];
    const { rows } = await this.pool.query<{ vin: string }>(
      'SELECT vin FROM executions WHERE campaign_id = $1 AND state = ANY($2) ORDER BY vin',
      [original.id, states],
    );
    if (rows.length === 0) throw new OtaError('OTA_ERR_NO_ELIGIBLE_VEHICLES', `campaign ${of} has no ${input.scope === 'failed' ? 'failed ' : ''}vehicles to roll back`);
    const { scope: _scope, ...rest } = input;
    return this.create({ ...rest, target: { vins: rows.map((r) => r.vin) } }, actor, original.id);
  }

  /**
   * The vehicles a campaign updates and, for each, what it installs: the main update's ECU (the one the
   * target filter looks at) plus the companions that apply, in install order; conflicts look at them all.
   */
  private async eligibleTargets(
    client: pg.PoolClient,
    update: SoftwareUpdate,
    companions: readonly SoftwareUpdate[],
    filter: TargetFilter,
    vin?: string,
    rollback = false,
  ) {
    const candidates = await this.vehicles.candidatesForModule(client, update.module, vin);
    const targets: { vin: string; serial: string; version: string; model: string; region: string; plan: PlannedTarget[] }[] = [];
    for (const vehicle of candidates) {
      const plan = planBundle(vehicle, update, companions, { rollback });
      if (!plan.ok) continue;
      const main = plan.targets.find((t) => t.updateId === update.id)!.ecu;
      if (matchesTarget(vehicle, main, filter)) {
        targets.push({ vin: vehicle.vin, serial: main.serial, version: main.softwareVersion, model: vehicle.model, region: vehicle.region, plan: plan.targets });
      }
    }
    return targets;
  }

  /** The campaign's main update and its companions, locked against change; a bundle that cannot be ordered is refused. */
  private async lockBundle(client: pg.PoolClient, mainId: string, bundle: readonly string[]): Promise<{ main: SoftwareUpdate; companions: SoftwareUpdate[] }> {
    const main = await this.lockUpdate(client, mainId);
    const companions: SoftwareUpdate[] = [];
    for (const id of bundle) {
      if (id === mainId || companions.some((c) => c.id === id)) throw new OtaError('OTA_ERR_VALIDATION', `update ${id} appears twice in the bundle`);
      companions.push(await this.lockUpdate(client, id));
    }
    try {
      installOrder([main, ...companions]);
    } catch (err) {
      if (err instanceof BundleError) throw new OtaError('OTA_ERR_VALIDATION', err.message);
      throw err;
    }
    return { main, companions };
  }

  /**
   * One campaign at a time per ECU: refuses when any ECU the campaign installs (a companion's too) has an
   * unfinished execution in another running or paused campaign, naming those campaigns.
   */
  private async refuseConflicts(client: pg.PoolClient, campaignId: string, targets: { vin: string; plan: readonly PlannedTarget[] }[]): Promise<void> {
    const conflicts = await this.conflictsWith(client, campaignId, targets);
    if (conflicts.length === 0) return;
    throw new OtaError(
      'OTA_ERR_CAMPAIGN_CONFLICT',
      `${conflicts.reduce((n, c) => n + c.ecus, 0)} target ECUs are being updated by ${conflicts.map((c) => `"${c.name}" (${c.campaignId})`).join(', ')}`,
      { conflicts },
    );
  }

  /**
   * The other running or paused campaigns with an unfinished execution on any ECU these targets install
   * (main and companions), by the ECUs that execution installs (its main ECU and its bundle's), and how
   * many of the ECUs each holds.
   */
  private async conflictsWith(
    client: pg.PoolClient,
    campaignId: string,
    targets: { vin: string; plan: readonly PlannedTarget[] }[],
  ): Promise<{ campaignId: string; name: string; ecus: number }[]> {
    const ecus = targets.flatMap((t) => t.plan.map((p) => ({ vin: t.vin, serial: p.ecu.serial })));
    if (ecus.length === 0) return [];
    const { rows } = await client.query<{ id: string; name: string; n: string }>(
      `SELECT c.id::text, c.name, count(DISTINCT (e.vin, held.serial)) AS n FROM executions e JOIN campaigns c ON c.id = e.campaign_id
       CROSS JOIN LATERAL (SELECT e.ecu_serial AS serial UNION SELECT x.ecu_serial FROM execution_targets x WHERE x.execution_id = e.id) held
       JOIN unnest($2::text[], $3::text[]) AS t(vin, serial) ON t.vin = e.vin AND t.serial = held.serial
       WHERE c.id::text <> $1 AND c.state IN ('running', 'paused') AND NOT (e.state = ANY($4))
       GROUP BY c.id, c.name ORDER BY c.id`,
      [campaignId, ecus.map((t) => t.vin), ecus.map((t) => t.serial), [...TERMINAL_STATES]],
    );
    return rows.map((r) => ({ campaignId: r.id, name: r.name, ecus: Number(r.n) }));
  }

  private async lockUpdate(client: pg.PoolClient, id: string): Promise<SoftwareUpdate> {
    const { rows } = await client.query('SELECT * FROM updates WHERE id::text = $1 FOR SHARE', [id]);
    if (!rows[0]) throw new OtaError('OTA_ERR_UPDATE_NOT_FOUND', `no update ${id}`);
    return toUpdate(rows[0]);
  }
}

/**
 * Dispatch order: a hash of the campaign's name and the VIN. Not biased to VIN order, so a canary is a fair
 * sample, and reproducible, so a rehearsal of the same plan on the same fleet picks the same canary.
 */
function inDispatchOrder<T extends { vin: string }>(campaignName: string, targets: T[]): T[] {
  return targets
    .map((t) => ({ t, order: createHash('sha256').update(`${campaignName}/${t.vin}`).digest('hex') }))
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .map(({ t }) => t);
}

function validateWindow(w: MaintenanceWindow): void {
  try {
    checkWindow(w, 'UTC');
  } catch (err) {
    if (err instanceof WindowError) throw new OtaError('OTA_ERR_VALIDATION', err.message);
    throw err;
  }
}

function validateTarget(target: TargetFilter | undefined): void {
  try {
    if (target) checkTargetFilter(target);
  } catch (err) {
    if (err instanceof TargetFilterError) throw new OtaError('OTA_ERR_VALIDATION', err.message);
    throw err;
  }
}

function sizesOf(ends: readonly number[]): number[] {
  return ends.map((end, i) => end - (i === 0 ? 0 : ends[i - 1]!));
}

export function toCampaign(r: Record<string, unknown>): Campaign {
  return {
    id: r.id as string,
    name: r.name as string,
    updateId: r.update_id as string,
    state: r.state as CampaignState,
    ratePerMinute: r.rate_per_minute as number,
    maxInFlight: r.max_in_flight as number,
    executionTimeoutS: r.execution_timeout_s as number,
    rollout: r.rollout as RolloutPolicy,
    ramp: (r.ramp as Ramp | null) ?? null,
    retry: r.retry as RetryPolicy,
    target: (r.target as TargetFilter | undefined) ?? {},
    dynamic: (r.dynamic as boolean | undefined) ?? false,
    startAt: (r.start_at as Date | null | undefined) ?? null,
    endAt: (r.end_at as Date | null | undefined) ?? null,
    maintenanceWindow: (r.maintenance_window as MaintenanceWindow | null | undefined) ?? null,
    rollbackOf: (r.rollback_of as string | null | undefined) ?? null,
    onConflict: (r.on_conflict as 'refuse' | 'queue' | undefined) ?? 'refuse',
    priority: (r.priority as Priority | undefined) ?? 'normal',
    consent: (r.consent as 'forced' | 'required' | undefined) ?? 'forced',
    bundle: (r.bundle as string[] | undefined) ?? [],
    preconditions: (r.preconditions as Preconditions | null | undefined) ?? null,
    download: (r.download as DownloadPolicy | null | undefined) ?? null,
    currentPhase: r.current_phase as number,
    awaitingApproval: (r.awaiting_approval as number | null) ?? null,
    pauseReason: (r.pause_reason as Campaign['pauseReason']) ?? null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as Date,
    startedAt: (r.started_at as Date | null) ?? null,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

/** Which ECUs each execution flashes, with which update, in install order. */
async function insertExecutionTargets(client: pg.PoolClient, rows: readonly { executionId: string; targets: readonly PlannedTarget[] }[]): Promise<void> {
  const flat = rows.flatMap((r) => r.targets.map((t) => ({ executionId: r.executionId, ...t })));
  if (flat.length === 0) return;
  await client.query(
    `INSERT INTO execution_targets (execution_id, update_id, ecu_serial, from_version, install_order)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[])`,
    [flat.map((t) => t.executionId), flat.map((t) => t.updateId), flat.map((t) => t.ecu.serial), flat.map((t) => t.ecu.softwareVersion), flat.map((t) => t.installOrder)],
  );
}
