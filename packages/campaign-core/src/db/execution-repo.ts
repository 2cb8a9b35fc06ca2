import type pg from 'pg';
import type { Clock } from '../clock.js';
import { decideRetry, finalStateFor, type RetryPolicy } from '../domain/retry-policy.js';
import { msUntilWindow, type MaintenanceWindow } from '../domain/maintenance-window.js';
import { PRIORITIES, admit, type Priority } from '../domain/priority.js';
import {
  OFFERABLE_STATES,
  TERMINAL_STATES,
  checkTransition,
  statesLeadingTo,
  type ExecutionState,
} from '../domain/execution-state.js';
import type { ExecutionCounts } from '../domain/campaign-state.js';
import type { SoftwareUpdate } from '../domain/types.js';
import { EXECUTION_DONE_CHANNEL, type ExecutionNotices } from './execution-notices.js';
import { inTransaction, prepared, withClient } from './pool.js';
import type { UpdateBlobCache } from './update-blobs.js';
import { updateOf } from './update-repo.js';

/** The VIN's next manifest counter, with the nonce and root of its latest report (Uptane director freshness). */
async function nextManifest(db: Db, vin: string): Promise<OfferFreshness> {
  const { rows } = await db.query(NEXT_MANIFEST([vin]));
  if (!rows[0]) throw new Error(`vehicle ${vin} vanished`);
  return toFreshness(rows[0]);
}

function toFreshness(r: Record<string, unknown>): OfferFreshness {
  return { counter: Number(r.manifest_counter), nonce: (r.report_nonce as Buffer | null) ?? Buffer.alloc(0), rootVersion: Number(r.root_version) };
}

const ECU_BUSY_RECHECK_MS = 5_000;
const CAPACITY_RECHECK_MS = 500;
// Any constant: the same in every process that admits vehicles.
const ADMISSION_LOCK = 0x07a_0002;

export { EXECUTION_DONE_CHANNEL };

export interface Execution {
  id: string;
  campaignId: string;
  vin: string;
  ecuSerial: string;
  fromVersion: string;
  state: ExecutionState;
  attempts: number;
  resultCode: string | null;
  resultDetail: string | null;
  phase: number;
  offered: boolean;
  nextAttemptAt: Date | null;
}

/** One ECU an execution flashes, with the update it gets. */
export interface ExecutionTarget {
  ecuSerial: string;
  fromVersion: string;
  installOrder: number;
  update: SoftwareUpdate;
}

/** What a manifest for this offer needs beside the targets: the VIN's next counter, its nonce and root. */
export interface OfferFreshness {
  counter: number;
  nonce: Buffer;
  rootVersion: number;
}

export type OfferClaim =
  | { kind: 'offer'; execution: Execution; update: SoftwareUpdate; targets: ExecutionTarget[]; freshness: OfferFreshness }
  /**
   * offered before: the same offer again. `reachable`: the vehicle is connected and has reported in this
   * session, so an offer now echoes a nonce it knows (one sent before that report would be refused as a replay).
   */
  | { kind: 'resend'; execution: Execution; update: SoftwareUpdate; targets: ExecutionTarget[]; freshness: OfferFreshness; reachable: boolean }
  | { kind: 'finished'; execution: Execution }
  /** queued, but its campaign is not running (paused or cancelled): no offer now; resume re-dispatches it */
  | { kind: 'held'; execution: Execution }
  /** offerable, but the vehicle is not connected: it gets the offer when it next reports */
  | { kind: 'offline'; execution: Execution }
  /** offerable, but not now (outside the maintenance window, ECU busy with another campaign, capacity full) */
  | { kind: 'later'; execution: Execution; delayMs: number }
  | { kind: 'missing' };

export type TransitionOutcome =
  | { ok: true; execution: Execution; from: ExecutionState }
  | { ok: false; rejected: 'OTA_ERR_ILLEGAL_TRANSITION'; current: ExecutionState | null }
  /** The vehicle answered an earlier attempt than the one in flight: it must not decide the current one. */
  | { ok: false; rejected: 'OTA_ERR_STALE_RESULT'; current: ExecutionState; attempts: number };

/** What became of one move of moveProgress: made, or refused with the state found (null: none of this VIN's). */
export type ProgressOutcome = { ok: true } | { ok: false; current: ExecutionState | null };

/** A vehicle's execution moving forward to a progress state: what its chunk requests and progress say. */
export interface ProgressMove {
  id: string;
  vin: string;
  to: Extract<ExecutionState, 'downloading' | 'installing'>;
}

export interface TransitionInput {
  to: ExecutionState;
  /** When set, the execution must belong to this VIN: a vehicle speaks only for itself. */
  vin?: string;
  resultCode?: string;
  detail?: string;
  bytesSent?: number;
  nextAttemptAt?: Date;
  /** The attempt a vehicle's result answers; refused as stale when another attempt is in flight. */
  attempt?: number;
}

type Db = Pick<pg.PoolClient, 'query'>;

// The statements of the vehicle's hot path (offer, transitions, reports), prepared once per connection.

/**
 * The columns every transition sets ($2 state, $3 now, $4 result code, $5 detail, $6 bytes sent, $7 final,
 * $8 next attempt), shared by the guarded and the in-transaction form.
 */
const SET_TRANSITION = `state = $2, updated_at = $3,
  result_code = COALESCE($4, e.result_code), result_detail = COALESCE($5, e.result_detail),
  bytes_sent = GREATEST(e.bytes_sent, COALESCE($6::bigint, 0)),
  finished_at = CASE WHEN $7 THEN $3 ELSE e.finished_at END, next_attempt_at = $8`;

/** $1 to $8 of SET_TRANSITION, in its order. */
function transitionValues(id: string, to: ExecutionState, now: Date, input: Omit<TransitionInput, 'to'>): unknown[] {
  return [id, to, now, input.resultCode ?? null, input.detail ?? null, input.bytesSent ?? null, TERMINAL_STATES.has(to), input.nextAttemptAt ?? null];
}

/**
 * Update `u`'s row as JSON without its two large columns (chunk hashes, release entry: they grow with the
 * image), which the claims take from UpdateBlobCache; released_at names the release they belong to.
 */
const updateHead = (u: string): string => `json_build_object('id', ${u}.id, 'name', ${u}.name, 'version', ${u}.version,
    'module', ${u}.module, 'bus', ${u}.bus, 'hardware_ids', ${u}.hardware_ids, 'vehicle_models', ${u}.vehicle_models,
    'release_counter', ${u}.release_counter, 'requires', ${u}.requires, 'image_sha256', ${u}.image_sha256,
    'image_size', ${u}.image_size, 'chunk_size', ${u}.chunk_size, 'released_at', ${u}.released_at)`;

/** The targets of execution `e` as one JSON array, in install order: joined into the query that needs them. */
const TARGETS_OF_E = `COALESCE((SELECT json_agg(json_build_object('ecu_serial', t.ecu_serial, 'from_version', t.from_version,
    'install_order', t.install_order, 'update_row', ${updateHead('tu')}) ORDER BY t.install_order, t.ecu_serial)
  FROM execution_targets t JOIN updates tu ON tu.id = t.update_id WHERE t.execution_id = e.id), '[]'::json)`;

const NEXT_MANIFEST = prepared('vehicle.next-manifest', 'UPDATE vehicles SET manifest_counter = manifest_counter + 1 WHERE vin = $1 RETURNING manifest_counter, report_nonce, root_version');

/**
 * What a claim reads, the execution row locked: its campaign's state, end, window and priority, whether the
 * vehicle is connected and has reported since it connected (an offer echoes the nonce of a report of this
 * session: one built between the connect and that report would carry a nonce the vehicle may not know, and
 * be refused as a replay), its time zone, whether an earlier campaign still holds one of the ECUs it
 * installs (main or companion, on either side; the final states are parameter `finalStates`), the update and
 * the targets.
 */
const claimRow = (finalStates: string): string => `SELECT e.*, c.state AS campaign_state, c.end_at, c.maintenance_window, c.priority,
           (v.connected AND v.last_report_at >= v.connected_at) IS TRUE AS connected, v.time_zone,
           EXISTS (SELECT 1 FROM executions o JOIN campaigns oc ON oc.id = o.campaign_id
                   WHERE o.vin = e.vin AND o.campaign_id <> e.campaign_id
                     AND o.state <> ALL(${finalStates}) AND oc.state IN ('running', 'paused') AND oc.started_at < c.started_at
                     AND EXISTS (SELECT 1 FROM (SELECT o.ecu_serial UNION SELECT ecu_serial FROM execution_targets WHERE execution_id = o.id) AS theirs (serial)
                                 JOIN (SELECT e.ecu_serial UNION SELECT ecu_serial FROM execution_targets WHERE execution_id = e.id) AS mine (serial) USING (serial))) AS ecu_busy,
           ${updateHead('u')} AS update_row, ${TARGETS_OF_E} AS targets FROM executions e
         JOIN campaigns c ON c.id = e.campaign_id JOIN updates u ON u.id = c.update_id
         JOIN vehicles v ON v.vin = e.vin
         WHERE e.id = $1 FOR UPDATE OF e`;

const CLAIM = prepared('execution.claim', claimRow('$2'));

/**
 * Making the offer, after a CTE `go` (id, state) that names the execution and the state it leaves: it
 * becomes offered with one attempt more and the offer time stamped ($1 to $8 as in SET_TRANSITION), the
 * move is logged, and the vehicle's manifest counter grows (`counter`: with its latest nonce and root).
 */
const OFFER_MOVES = `moved AS (
         UPDATE executions e SET ${SET_TRANSITION}, attempts = e.attempts + 1, offered_at = $3 FROM go WHERE e.id = go.id RETURNING e.*),
       logged AS (
         INSERT INTO execution_transitions (execution_id, from_state, to_state, at, detail)
         SELECT go.id, go.state, $2::text, $3::timestamptz, NULL FROM go JOIN moved ON moved.id = go.id),
       counter AS (
         UPDATE vehicles v SET manifest_counter = v.manifest_counter + 1 FROM moved WHERE v.vin = moved.vin
         RETURNING v.manifest_counter, v.report_nonce, v.root_version)`;

/**
 * The usual claim in one statement: CLAIM's row, and when nothing stands in the way that takes a decision in
 * code (the campaign runs and has not ended, the vehicle is connected, no maintenance window, the ECU is not
 * held by an earlier campaign, the state is offerable: $10), the offer (OFFER_MOVES). $1 to $8 as in
 * SET_TRANSITION (to 'offered'), $9 the final states.
 */
const CLAIM_AND_OFFER = prepared('execution.claim-and-offer', `WITH x AS (${claimRow('$9')}),
       go AS (
         SELECT id, state FROM x WHERE state = ANY($10::text[]) AND campaign_state = 'running' AND (end_at IS NULL OR end_at > $3)
           AND connected AND maintenance_window IS NULL AND NOT ecu_busy),
       ${OFFER_MOVES}
       SELECT x.*, moved.attempts AS offered_attempts, counter.* FROM x LEFT JOIN moved ON true LEFT JOIN counter ON true`);

const TRANSITION = prepared('execution.transition', `WITH prior AS (SELECT id, state, vin, attempts FROM executions WHERE id = $1 FOR UPDATE),
       moved AS (
         UPDATE executions e SET ${SET_TRANSITION} FROM prior
         WHERE e.id = prior.id AND prior.state = ANY($9::text[]) AND ($10::text IS NULL OR prior.vin = $10)
           AND ($11::int IS NULL OR $11 <= 0 OR prior.attempts = $11)
         RETURNING e.*),
       logged AS (
         INSERT INTO execution_transitions (execution_id, from_state, to_state, at, detail)
         SELECT moved.id, prior.state, $2::text, $3::timestamptz, $12::text FROM moved, prior)
       SELECT prior.state AS prior_state, prior.vin AS prior_vin, prior.attempts AS prior_attempts, moved.*
       FROM prior LEFT JOIN moved ON true`);

/**
 * Many executions moved forward at once, each guarded as TRANSITION guards one (the owner's VIN, a state that
 * leads to the new one: $4 holds them comma-joined per row). Rows are locked in id order, as every batch
 * takes them, so two batches never wait on each other in a circle. Progress states only: no result, no
 * bytes, no notification. One row per request, in no particular order, with what was found and what moved.
 */
const MOVE_PROGRESS = prepared('execution.move-progress', `WITH req AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r (id, to_state, vin, froms)),
       prior AS (SELECT e.id, e.state, e.vin FROM executions e JOIN req USING (id) ORDER BY e.id FOR UPDATE OF e),
       moved AS (
         UPDATE executions e SET state = req.to_state, updated_at = $5, next_attempt_at = NULL
         FROM prior JOIN req USING (id)
         WHERE e.id = prior.id AND prior.vin = req.vin AND prior.state = ANY(string_to_array(req.froms, ','))
         RETURNING e.id, e.state),
       logged AS (
         INSERT INTO execution_transitions (execution_id, from_state, to_state, at, detail)
         SELECT moved.id, prior.state, moved.state, $5::timestamptz, NULL FROM moved JOIN prior USING (id))
       SELECT req.id::text AS id, prior.state AS prior_state, prior.vin AS prior_vin, moved.id IS NOT NULL AS moved
       FROM req LEFT JOIN prior USING (id) LEFT JOIN moved USING (id)`);

const LOCK_FOR_FAILURE = prepared('execution.lock-for-failure', `SELECT e.*, c.retry FROM executions e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = $1 FOR UPDATE OF e`);

const TARGETS = prepared('execution.targets', `SELECT ${TARGETS_OF_E} AS targets FROM executions e WHERE e.id = $1`);

const GET_EXECUTION = prepared('execution.get', 'SELECT * FROM executions WHERE id = $1');

const APPLY_TRANSITION = prepared('execution.apply-transition', `WITH moved AS (
         UPDATE executions e SET ${SET_TRANSITION} WHERE e.id = $1 RETURNING e.*),
       logged AS (
         INSERT INTO execution_transitions (execution_id, from_state, to_state, at, detail)
         SELECT moved.id, $9::text, $2::text, $3::timestamptz, $10::text FROM moved)
       SELECT moved.*, CASE WHEN $11 THEN pg_notify($12, moved.id::text || ':' || moved.state) END AS notified FROM moved`);

/**
 * An offer, in one statement: the claimed execution becomes offered (one attempt more, offer time stamped,
 * logged; $9 is the state it leaves) and its vehicle's manifest counter grows, returned with the nonce and
 * root of its latest report (Uptane director freshness).
 */
const OFFER = prepared('execution.offer', `WITH go AS (SELECT $1::uuid AS id, $9::text AS state),
       ${OFFER_MOVES}
       SELECT moved.*, counter.* FROM moved, counter`);

export class ExecutionRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly notices: ExecutionNotices,
    private readonly blobs: UpdateBlobCache,
  ) {}

  /**
   * An update from a claim's head (updateHead), with its chunk hashes and release entry from the cache. Inside
   * a transaction, a miss is read on the transaction's own connection (`db`): another one from the pool could
   * wait for ever behind transactions that all wait for it.
   */
  private async updateOf(json: Record<string, unknown>, db: Db): Promise<SoftwareUpdate> {
    const head = decodeUpdateHead(json);
    const version = { id: head.id as string, imageSha256: (head.image_sha256 as Buffer | null) ?? null, releasedAt: (head.released_at as string | null) ?? null };
    const blobs = await this.blobs.of(version, db);
    return updateOf(head, blobs.chunkHashes, blobs.releaseEnvelope);
  }

  private toTargets(json: TargetJson[], db: Db): Promise<ExecutionTarget[]> {
    return Promise.all(
      json.map(async (r) => ({ ecuSerial: r.ecu_serial, fromVersion: r.from_version, installOrder: r.install_order, update: await this.updateOf(r.update_row, db) })),
    );
  }

  /**
   * Marks a queued execution offered (one attempt more) and returns what the offer needs. A job that runs
   * again after a crash finds its execution already offered and re-sends the same offer instead: vehicles
   * treat a repeated execution id as one offer.
   */
  async claimForOffer(id: string, capacity = Number.POSITIVE_INFINITY): Promise<OfferClaim> {
    if (!isUuid(id)) return { kind: 'missing' };
    // Without a shared capacity the usual claim is one statement; an open maintenance window, which the
    // statement leaves to code, goes through the transaction below.
    if (!Number.isFinite(capacity)) {
      const claim = await this.claimAtOnce(id);
      if (claim) return claim;
    }
    return inTransaction(this.pool, async (client) => {
      // Admissions to the shared in-flight capacity are serialised, so it is never exceeded.
      if (Number.isFinite(capacity)) await client.query('SELECT pg_advisory_xact_lock($1)', [ADMISSION_LOCK]);
      const { rows } = await client.query(CLAIM([id, [...TERMINAL_STATES]]));
      const row = rows[0];
      if (!row) return { kind: 'missing' };
      const execution = toExecution(row);
      const update = await this.updateOf(row.update_row, client);
      if (OFFERABLE_STATES.includes(execution.state)) {
        const notNow = this.notNow(row, execution, this.clock.now());
        if (notNow) return notNow;
        if (Number.isFinite(capacity) && !(await this.admitted(client, row.priority as Priority, capacity))) {
          return { kind: 'later', execution, delayMs: CAPACITY_RECHECK_MS };
        }
        // One campaign at a time per ECU: a campaign queued behind an earlier one waits until that one is done
        // with this ECU (queued included: it would otherwise overtake it). The later one always yields.
        if (row.ecu_busy) return { kind: 'later', execution, delayMs: ECU_BUSY_RECHECK_MS };
        const { rows: offered } = await client.query(OFFER([...transitionValues(execution.id, 'offered', this.clock.now(), {}), execution.state]));
        const o = offered[0];
        if (!o) throw new Error(`execution ${execution.id} vanished during its offer`);
        return { kind: 'offer', execution: toExecution(o), update, targets: await this.toTargets(row.targets, client), freshness: toFreshness(o) };
      }
      if (TERMINAL_STATES.has(execution.state)) return { kind: 'finished', execution };
      return { kind: 'resend', execution, update, targets: await this.toTargets(row.targets, client), freshness: await nextManifest(client, execution.vin), reachable: row.connected === true };
    });
  }

  /**
   * The claim as one statement (CLAIM_AND_OFFER); null when it is for the transaction to decide. What follows
   * the statement (an update's blobs when the cache misses, a resend's manifest counter) is read on the same
   * connection: from the pool it would queue behind every other claim, and a campaign's first burst of offers
   * would all wait for the last claim of the burst before the first offer went out.
   */
  private claimAtOnce(id: string): Promise<OfferClaim | null> {
    return withClient(this.pool, async (client) => {
      const now = this.clock.now();
      const { rows } = await client.query(CLAIM_AND_OFFER([...transitionValues(id, 'offered', now, {}), [...TERMINAL_STATES], OFFERABLE_STATES]));
      const row = rows[0];
      if (!row) return { kind: 'missing' };
      const execution = toExecution(row);
      const update = await this.updateOf(row.update_row, client);
      if (row.offered_attempts !== null) {
        const offered: Execution = { ...execution, state: 'offered', attempts: row.offered_attempts as number, offered: true, nextAttemptAt: null };
        return { kind: 'offer', execution: offered, update, targets: await this.toTargets(row.targets, client), freshness: toFreshness(row) };
      }
      if (OFFERABLE_STATES.includes(execution.state)) {
        const notNow = this.notNow(row, execution, now);
        if (notNow) return notNow;
        if (row.ecu_busy) return { kind: 'later', execution, delayMs: ECU_BUSY_RECHECK_MS };
        return null; // its maintenance window is open: offered in the transaction
      }
      if (TERMINAL_STATES.has(execution.state)) return { kind: 'finished', execution };
      // Offered before (a job that runs again after a crash): the same offer again, with a fresh counter.
      return { kind: 'resend', execution, update, targets: await this.toTargets(row.targets, client), freshness: await nextManifest(client, execution.vin), reachable: row.connected === true };
    });
  }

  /**
   * Why an offerable execution is not offered now, capacity and ECU aside: its campaign is paused,
   * cancelled or past its end (held), the vehicle is offline or has not reported since it connected (it is
   * offered when it next reports, and burns no attempt), or the vehicle's maintenance window is closed
   * (later). Null when none of these holds.
   */
  private notNow(row: Record<string, unknown>, execution: Execution, now: Date): OfferClaim | null {
    if (row.campaign_state !== 'running') return { kind: 'held', execution };
    if (row.end_at && (row.end_at as Date) <= now) return { kind: 'held', execution };
    if (!row.connected) return { kind: 'offline', execution };
    const window = row.maintenance_window as MaintenanceWindow | null;
    const wait = window ? msUntilWindow(now, row.time_zone as string, window) : 0;
    return wait > 0 ? { kind: 'later', execution, delayMs: wait } : null;
  }

  /**
   * Whether one more vehicle may go in flight: below the capacity shared by every campaign, and no more
   * urgent running campaign has a vehicle waiting for an offer in an open phase.
   */
  private async admitted(client: pg.PoolClient, priority: Priority, capacity: number): Promise<boolean> {
    const { rows } = await client.query<{ in_flight: string; urgent_waiting: boolean }>(
      `SELECT (SELECT count(*) FROM executions WHERE state IN ('offered', 'downloading', 'installing', 'installed')) AS in_flight,
              EXISTS (SELECT 1 FROM executions x JOIN campaigns c ON c.id = x.campaign_id JOIN vehicles v ON v.vin = x.vin
                      WHERE c.state = 'running' AND array_position($1::text[], c.priority) < array_position($1::text[], $2)
                        AND x.state = 'queued' AND x.phase <= c.current_phase AND v.connected) AS urgent_waiting`,
      [[...PRIORITIES], priority],
    );
    return admit(Number(rows[0]?.in_flight ?? 0), capacity, rows[0]?.urgent_waiting ?? false);
  }

  /**
   * Applies a transition if the state machine allows it from the current state; refuses it otherwise. One
   * statement: the row is locked, checked (owner, attempt, allowed from-state), moved and logged at once, so
   * the vehicle's hot path costs one round trip. The checks are the same as checkTransition's table. A move
   * to a final state or retry_wait is announced to the waiting job once committed (ExecutionNotices).
   */
  async transition(id: string, input: TransitionInput): Promise<TransitionOutcome> {
    if (!isUuid(id)) return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: null };
    const now = this.clock.now();
    const { rows } = await this.pool.query(
      TRANSITION([
        ...transitionValues(id, input.to, now, input),
        statesLeadingTo(input.to),
        input.vin ?? null,
        input.attempt ?? null,
        input.resultCode ?? input.detail ?? null,
      ]),
    );
    const row = rows[0];
    if (!row || (input.vin !== undefined && row.prior_vin !== input.vin)) {
      return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: null };
    }
    const prior = row.prior_state as ExecutionState;
    if (row.id === null) {
      if (isStale({ attempts: row.prior_attempts as number }, input.attempt)) {
        return { ok: false, rejected: 'OTA_ERR_STALE_RESULT', current: prior, attempts: row.prior_attempts as number };
      }
      return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: prior };
    }
    // Committed: a job waiting for this execution may now be told.
    if (TERMINAL_STATES.has(input.to) || input.to === 'retry_wait') this.notices.announce(id, input.to);
    return { ok: true, execution: toExecution(row), from: prior };
  }

  /**
   * Progress moves of many vehicles in one statement, as transition() would make each (owner and from-state
   * checked, the move logged): for a gateway with thousands of downloads at once, one commit instead of one
   * each. The outcomes come in the order of `moves`; an execution must appear once.
   */
  async moveProgress(moves: readonly ProgressMove[]): Promise<ProgressOutcome[]> {
    const valid = moves.filter((m) => isUuid(m.id));
    const found = new Map<string, { prior: ExecutionState; vin: string; moved: boolean }>();
    if (valid.length > 0) {
      const { rows } = await this.pool.query(
        MOVE_PROGRESS([
          valid.map((m) => m.id),
          valid.map((m) => m.to),
          valid.map((m) => m.vin),
          valid.map((m) => statesLeadingTo(m.to).join(',')),
          this.clock.now(),
        ]),
      );
      for (const r of rows) if (r.prior_state !== null) found.set(r.id as string, { prior: r.prior_state, vin: r.prior_vin, moved: r.moved });
    }
    return moves.map((m) => {
      const f = found.get(m.id.toLowerCase());
      if (!f || f.vin !== m.vin) return { ok: false, current: null };
      return f.moved ? { ok: true } : { ok: false, current: f.prior };
    });
  }

  /**
   * A failure reported by the vehicle: retried after a backoff when it is transient and attempts remain
   * (retry_wait), final otherwise (failed, or rejected for a driver's no). The campaign's retry policy decides.
   */
  async recordFailure(
    id: string,
    input: { vin: string; resultCode: string; detail?: string; bytesSent?: number; retryCode?: string; attempt?: number },
  ): Promise<TransitionOutcome & { retryInMs?: number }> {
    if (!isUuid(id)) return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: null };
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query(LOCK_FOR_FAILURE([id]));
      const row = rows[0];
      if (!row || row.vin !== input.vin) return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: null };
      const current = toExecution(row);
      if (isStale(current, input.attempt)) return { ok: false, rejected: 'OTA_ERR_STALE_RESULT', current: current.state, attempts: current.attempts };
      const cause = input.retryCode ?? input.resultCode;
      const verdict = decideRetry(cause, current.attempts, row.retry as RetryPolicy);
      const to: ExecutionState = verdict.retry ? 'retry_wait' : finalStateFor(cause);
      if (!checkTransition(current.state, to).ok) return { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION', current: current.state };
      const nextAttemptAt = verdict.retry ? new Date(this.clock.now().getTime() + verdict.delayMs) : undefined;
      const { vin: _vin, retryCode: _cause, attempt: _attempt, ...rest } = input;
      const execution = await this.applyTransition(client, current, to, { ...rest, ...(nextAttemptAt ? { nextAttemptAt } : {}) });
      return { ok: true, execution, from: current.state, ...(verdict.retry ? { retryInMs: verdict.delayMs } : {}) };
    });
  }

  /** The ECUs an execution flashes, in install order, each with its update. */
  async targetsOf(db: Db, executionId: string): Promise<ExecutionTarget[]> {
    if (!isUuid(executionId)) return [];
    const { rows } = await db.query(TARGETS([executionId]));
    return rows[0] ? this.toTargets(rows[0].targets, db) : [];
  }

  async countsByState(campaignId: string): Promise<ExecutionCounts> {
    if (!isUuid(campaignId)) return {};
    const { rows } = await this.pool.query<{ state: ExecutionState; n: string }>(
      'SELECT state, count(*) AS n FROM executions WHERE campaign_id = $1 GROUP BY state',
      [campaignId],
    );
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /**
   * In-flight executions (offered to installed) whose campaign's execution timeout, counted from their
   * offer, passed more than `graceMs` ago: the job that should have timed them out is gone. Oldest first,
   * at most `limit`.
   */
  async overdueInFlight(now: Date, graceMs: number, limit = 500): Promise<{ id: string; campaignId: string; attempts: number; timeoutS: number }[]> {
    const { rows } = await this.pool.query<{ id: string; campaign_id: string; attempts: number; timeout_s: number }>(
      `SELECT x.id::text, x.campaign_id::text, x.attempts, c.execution_timeout_s AS timeout_s
       FROM campaigns c JOIN executions x ON x.campaign_id = c.id
       WHERE x.state IN ('offered', 'downloading', 'installing', 'installed')
         AND x.offered_at + make_interval(secs => c.execution_timeout_s + $2::double precision / 1000) < $1
       ORDER BY x.offered_at LIMIT $3`,
      [now, graceMs, limit],
    );
    return rows.map((r) => ({ id: r.id, campaignId: r.campaign_id, attempts: r.attempts, timeoutS: r.timeout_s }));
  }

  /** Executions by state of every campaign that is running or paused: the fleet-wide view a metrics scrape reads. */
  async countsOfActiveCampaigns(): Promise<{ campaignId: string; campaignName: string; state: ExecutionState; n: number }[]> {
    const { rows } = await this.pool.query<{ campaign_id: string; name: string; state: ExecutionState; n: string }>(
      `SELECT c.id::text AS campaign_id, c.name, x.state, count(*) AS n
       FROM campaigns c JOIN executions x ON x.campaign_id = c.id
       WHERE c.state IN ('running', 'paused') GROUP BY c.id, c.name, x.state`,
    );
    return rows.map((r) => ({ campaignId: r.campaign_id, campaignName: r.name, state: r.state, n: Number(r.n) }));
  }

  /** Current states of many executions at once (the waiter's safety net against a missed notification). */
  async statesOf(ids: readonly string[]): Promise<Map<string, ExecutionState>> {
    ids = ids.filter(isUuid);
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; state: ExecutionState }>(
      'SELECT id::text, state FROM executions WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.state]));
  }

  async get(id: string): Promise<Execution | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.pool.query(GET_EXECUTION([id]));
    return rows[0] ? toExecution(rows[0]) : null;
  }

  async listForCampaign(campaignId: string, states?: readonly ExecutionState[]): Promise<Execution[]> {
    if (!isUuid(campaignId)) return [];
    const { rows } = await this.pool.query(
      `SELECT * FROM executions WHERE campaign_id = $1 AND ($2::text[] IS NULL OR state = ANY($2)) ORDER BY vin`,
      [campaignId, states ?? null],
    );
    return rows.map(toExecution);
  }

  /**
   * A transition inside the caller's transaction, on a row the caller has locked and checked: the row moves,
   * the move is logged and, for a final state or retry_wait, the waiting job is told at commit, in one
   * statement. NOTIFY stays in the transaction here: the caller's commit is the one to wait for, and these
   * are the rare paths (failures, cancels, ends), where a cancel's many notices share one commit anyway.
   */
  async applyTransition(db: Db, current: Execution, to: ExecutionState, input: Omit<TransitionInput, 'to'>): Promise<Execution> {
    const now = this.clock.now();
    const terminal = TERMINAL_STATES.has(to);
    const { rows } = await db.query(
      APPLY_TRANSITION([
        ...transitionValues(current.id, to, now, input),
        current.state,
        input.resultCode ?? input.detail ?? null,
        terminal || to === 'retry_wait',
        EXECUTION_DONE_CHANNEL,
      ]),
    );
    if (!rows[0]) throw new Error(`execution ${current.id} vanished during its transition`);
    return toExecution(rows[0]);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids come from vehicles and operators: one that is not a UUID names no execution or campaign. Checked
 * here, so that the queries compare uuid columns (their plain indexes) and a malformed id never reaches
 * Postgres as a cast error.
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Attempt 0 (or none) is a result that could not name its attempt: it is never stale. */
function isStale(current: Pick<Execution, 'attempts'>, attempt: number | undefined): boolean {
  return attempt !== undefined && attempt > 0 && current.attempts !== attempt;
}

export function toExecution(r: Record<string, unknown>): Execution {
  return {
    id: r.id as string,
    campaignId: r.campaign_id as string,
    vin: r.vin as string,
    ecuSerial: r.ecu_serial as string,
    fromVersion: r.from_version as string,
    state: r.state as ExecutionState,
    attempts: r.attempts as number,
    resultCode: (r.result_code as string | null) ?? null,
    resultDetail: (r.result_detail as string | null) ?? null,
    phase: (r.phase as number | undefined) ?? 0,
    offered: r.offered_at !== null && r.offered_at !== undefined,
    nextAttemptAt: (r.next_attempt_at as Date | null | undefined) ?? null,
  };
}

type TargetJson = { ecu_serial: string; from_version: string; install_order: number; update_row: Record<string, unknown> };

/** JSON renders bytea as "\x..." hex text; turn the image digest back into a Buffer. */
function decodeUpdateHead(json: Record<string, unknown>): Record<string, unknown> {
  const sha = json.image_sha256;
  return typeof sha === 'string' ? { ...json, image_sha256: Buffer.from(sha.slice(2), 'hex') } : json;
}
