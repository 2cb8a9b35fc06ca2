import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { Bus, Ecu, Vehicle } from '../domain/types.js';
import { appendAudit } from './audit-log.js';
import { statesLeadingTo } from '../domain/execution-state.js';
import type { ExecutionNotices } from './execution-notices.js';
import { inTransaction, prepared } from './pool.js';

export interface ReportedEcu {
  serial: string;
  softwareVersion: string;
  calibration: string;
  releaseCounter: number;
}

/** What a signed version report says beside the ECUs: its counter, its nonce, the root and the vehicle's state. */
export interface ReportMeta {
  counter: number;
  nonce: Buffer;
  rootVersion: number;
  state: { batteryPct: number; parked: boolean; ignitionOn: boolean } | null;
}

export type ReportVerdict =
  /** Stored; `confirmed`: the executions this report completed (succeeded), by id. */
  | { applied: true; unknownSerials: string[]; confirmed: string[] }
  | { applied: false; reason: 'unknown-vehicle' }
  | { applied: false; reason: 'stale-counter'; lastCounter: number }
  /** The vehicle's registered key is no longer the one the report was checked against (or it has none now). */
  | { applied: false; reason: 'key-changed'; currentKey: string | null };

/**
 * Vehicles' sessions beginning (connected, connected_at stamped) and ending, in one statement; a session's
 * end clears only its own, not a newer one's (connected_at <= its start). Rows are locked in VIN order, as
 * every batch takes them. One row per change, in the order given ($1 to $3 as arrays, one VIN once): whether the
 * vehicle is known, and for a connect its report key.
 */
const RECORD_PRESENCE = prepared('vehicle.presence', `WITH req AS (
         SELECT * FROM unnest($1::text[], $2::bool[], $3::timestamptz[]) WITH ORDINALITY AS r (vin, connected, at, n)),
       locked AS (SELECT v.vin FROM vehicles v JOIN req USING (vin) ORDER BY v.vin FOR UPDATE OF v),
       moved AS (
         UPDATE vehicles v SET connected = req.connected, connected_at = CASE WHEN req.connected THEN req.at ELSE v.connected_at END
         FROM req JOIN locked USING (vin)
         WHERE v.vin = req.vin AND (req.connected OR v.connected_at <= req.at)
         RETURNING v.vin, v.report_public_key)
       SELECT locked.vin IS NOT NULL AS known, moved.report_public_key
       FROM req LEFT JOIN locked USING (vin) LEFT JOIN moved USING (vin) ORDER BY req.n`);

/** A vehicle's session began (connected) or ended, at `at` (for an end: when the ending session began). */
export interface PresenceChange {
  vin: string;
  connected: boolean;
  at: Date;
}

/**
 * A version report in one statement (its own transaction). The vehicle row moves only when the counter grows
 * and the registered key is still the one the signature was checked against ($11); its known ECUs move with
 * it. Then every active execution of the vehicle whose target ECUs all run their target version is confirmed
 * (succeeded), logged and returned, for the caller to announce once committed. The CTEs of one statement do not see
 * each other's writes, so "runs its target" reads the reported version where the report names the ECU and
 * the stored one where it does not: what the ECU rows hold once the statement is done.
 */
const APPLY_REPORT = prepared('vehicle.apply-report', `WITH r AS (
         SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::int[]) AS r(serial, software_version, calibration, release_counter)),
       v AS (
         UPDATE vehicles SET last_report_at = $2, report_counter = $3, report_nonce = $4, root_version = $5, state = $6
         WHERE vin = $1 AND report_counter < $3 AND report_public_key = $11 RETURNING vin),
       e AS (
         UPDATE ecus SET software_version = r.software_version, calibration = r.calibration,
           release_counter = r.release_counter, updated_at = $2
         FROM v, r WHERE ecus.vin = v.vin AND ecus.serial = r.serial RETURNING ecus.serial),
       confirmable AS (
         SELECT x.id, x.state FROM executions x JOIN v ON v.vin = x.vin
         WHERE x.state = ANY($12::text[])
           AND EXISTS (SELECT 1 FROM execution_targets t WHERE t.execution_id = x.id)
           AND NOT EXISTS (
             SELECT 1 FROM execution_targets t JOIN updates u ON u.id = t.update_id
             LEFT JOIN ecus ec ON ec.vin = x.vin AND ec.serial = t.ecu_serial
             LEFT JOIN r ON r.serial = t.ecu_serial AND ec.serial IS NOT NULL
             WHERE t.execution_id = x.id AND COALESCE(r.software_version, ec.software_version) IS DISTINCT FROM u.version)
         FOR UPDATE OF x),
       moved AS (
         UPDATE executions x SET state = 'succeeded', updated_at = $2, result_detail = 'version report', finished_at = $2,
           next_attempt_at = NULL
         FROM confirmable c WHERE x.id = c.id RETURNING x.id, c.state AS from_state),
       logged AS (
         INSERT INTO execution_transitions (execution_id, from_state, to_state, at, detail)
         SELECT id, from_state, 'succeeded', $2, 'version report' FROM moved)
       SELECT EXISTS (SELECT 1 FROM v) AS applied, ARRAY(SELECT serial FROM e) AS updated,
         k.vin IS NOT NULL AS known, k.report_counter AS last_counter, k.report_public_key AS current_key,
         ARRAY(SELECT m.id::text FROM moved m) AS confirmed
       FROM (SELECT 1) one LEFT JOIN vehicles k ON k.vin = $1`);

const REPORT_KEY = prepared('vehicle.report-key', 'SELECT report_public_key FROM vehicles WHERE vin = $1');

export class VehicleRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly notices: ExecutionNotices,
  ) {}

  /** Inserts or refreshes vehicles from manufacturing data, with their ECUs. One transaction for the batch. */
  async importVehicles(vehicles: readonly Vehicle[], actor: string): Promise<{ created: number; updated: number }> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      let created = 0;
      for (const v of vehicles) {
        const { rows } = await client.query<{ inserted: boolean }>(
          `INSERT INTO vehicles (vin, engine_number, chassis_number, model, region, created_at, time_zone, report_public_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (vin) DO UPDATE SET engine_number = EXCLUDED.engine_number,
             chassis_number = EXCLUDED.chassis_number, model = EXCLUDED.model, region = EXCLUDED.region,
             time_zone = EXCLUDED.time_zone,
             report_public_key = COALESCE(EXCLUDED.report_public_key, vehicles.report_public_key)
           RETURNING (xmax = 0) AS inserted`,
          [v.vin, v.engineNumber, v.chassisNumber, v.model, v.region, now, v.timeZone ?? 'UTC', v.reportPublicKey ?? null],
        );
        if (rows[0]?.inserted) created++;
        for (const e of v.ecus) {
          await client.query(
            `INSERT INTO ecus (vin, serial, module, hardware_id, bus, software_version, calibration, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (vin, serial) DO UPDATE SET module = EXCLUDED.module, hardware_id = EXCLUDED.hardware_id,
               bus = EXCLUDED.bus, software_version = EXCLUDED.software_version,
               calibration = EXCLUDED.calibration, updated_at = EXCLUDED.updated_at`,
            [v.vin, e.serial, e.module, e.hardwareId, e.bus, e.softwareVersion, e.calibration, now],
          );
        }
      }
      await appendAudit(client, now, {
        actor,
        action: 'vehicles.import',
        entityType: 'vehicle',
        entityId: vehicles.length === 1 ? (vehicles[0]?.vin ?? '') : `${vehicles.length} vehicles`,
        after: { vins: vehicles.map((v) => v.vin) },
      });
      return { created, updated: vehicles.length - created };
    });
  }

  /**
   * Presence, for dispatch: an offline vehicle is not offered anything. Returns the vehicle's report key (null
   * without one, undefined for an unknown VIN), which its first report will need.
   */
  async markConnected(vin: string, at: Date): Promise<string | null | undefined> {
    return (await this.recordPresence([{ vin, connected: true, at }]))[0];
  }

  /**
   * Presence of many vehicles in one statement (a gateway batches its vehicles' comings and goings: a
   * reconnect storm is then a few commits). Each VIN once. For each change, in order: for a connect, the
   * report key as markConnected returns it; for a disconnect (only the session that began at `at` may mark
   * the vehicle gone, a newer one may exist), undefined.
   */
  async recordPresence(changes: readonly PresenceChange[]): Promise<(string | null | undefined)[]> {
    if (changes.length === 0) return [];
    const { rows } = await this.pool.query<{ known: boolean; report_public_key: string | null }>(
      RECORD_PRESENCE([changes.map((c) => c.vin), changes.map((c) => c.connected), changes.map((c) => c.at)]),
    );
    return changes.map((c, i) => (c.connected && rows[i]?.known ? rows[i].report_public_key : undefined));
  }

  async getVehicle(vin: string): Promise<
    | (Vehicle & { lastReportAt: Date | null; connected: boolean; rootVersion: number; state: ReportMeta['state']; ecus: (Ecu & { releaseCounter: number })[] })
    | null
  > {
    const { rows } = await this.pool.query(
      `SELECT vin, engine_number, chassis_number, model, region, time_zone, last_report_at, connected, root_version, state,
         report_public_key FROM vehicles WHERE vin = $1`,
      [vin],
    );
    const v = rows[0];
    if (!v) return null;
    const ecus = await this.pool.query(
      `SELECT serial, module, hardware_id, bus, software_version, calibration, release_counter FROM ecus WHERE vin = $1 ORDER BY module`,
      [vin],
    );
    return {
      vin: v.vin,
      engineNumber: v.engine_number,
      chassisNumber: v.chassis_number,
      model: v.model,
      region: v.region,
      timeZone: v.time_zone,
      lastReportAt: v.last_report_at,
      connected: v.connected,
      rootVersion: Number(v.root_version),
      state: v.state ?? null,
      ...(v.report_public_key ? { reportPublicKey: v.report_public_key } : {}),
      ecus: ecus.rows.map((r) => ({ ...toEcu(r), releaseCounter: Number(r.release_counter) })),
    };
  }

  /** Vehicles that have an ECU of `module` (or just `vin`), with all their ECUs: the candidates for an update or a bundle. */
  async candidatesForModule(
    db: Pick<pg.PoolClient, 'query'>,
    module: string,
    vin?: string,
  ): Promise<Pick<Vehicle, 'vin' | 'model' | 'region' | 'ecus'>[]> {
    const { rows } = await db.query(
      `SELECT v.vin, v.model, v.region, e.serial, e.module, e.hardware_id, e.bus, e.software_version, e.calibration
       FROM vehicles v JOIN ecus e ON e.vin = v.vin
       WHERE v.vin IN (SELECT vin FROM ecus WHERE module = $1) AND ($2::text IS NULL OR v.vin = $2)
       ORDER BY v.vin, e.serial`,
      [module, vin ?? null],
    );
    const byVin = new Map<string, Pick<Vehicle, 'vin' | 'model' | 'region' | 'ecus'>>();
    for (const r of rows) {
      let v = byVin.get(r.vin);
      if (!v) byVin.set(r.vin, (v = { vin: r.vin, model: r.model, region: r.region, ecus: [] }));
      v.ecus.push(toEcu(r));
    }
    return [...byVin.values()];
  }

  /**
   * Records what a vehicle reports it runs and confirms the installs it shows, in one statement (APPLY_REPORT).
   * `keyPem` is the key the report's signature was checked against: if the vehicle's registered key is another
   * one by now, nothing is stored and the current key is returned. Only ECUs known from manufacturing data are
   * updated; the serials of unknown ones are returned so the caller can log them.
   */
  async applyVersionReport(vin: string, keyPem: string, meta: ReportMeta, ecus: readonly ReportedEcu[]): Promise<ReportVerdict> {
    const { rows } = await this.pool.query<{
      applied: boolean;
      updated: string[];
      known: boolean;
      last_counter: string | null;
      current_key: string | null;
      confirmed: string[];
    }>(
      APPLY_REPORT([
        vin,
        this.clock.now(),
        meta.counter,
        meta.nonce,
        meta.rootVersion,
        meta.state ? JSON.stringify(meta.state) : null,
        ecus.map((e) => e.serial),
        ecus.map((e) => e.softwareVersion),
        ecus.map((e) => e.calibration),
        ecus.map((e) => e.releaseCounter),
        keyPem,
        statesLeadingTo('succeeded'),
      ]),
    );
    const r = rows[0]!;
    if (!r.applied) {
      if (!r.known) return { applied: false, reason: 'unknown-vehicle' };
      if (r.current_key !== keyPem) return { applied: false, reason: 'key-changed', currentKey: r.current_key };
      // last_counter is read from the statement's snapshot, that is, before this report.
      return { applied: false, reason: 'stale-counter', lastCounter: Number(r.last_counter) };
    }
    // Committed: the jobs waiting for the confirmed executions may now be told.
    for (const id of r.confirmed) this.notices.announce(id, 'succeeded');
    const updated = new Set(r.updated);
    return { applied: true, unknownSerials: ecus.map((e) => e.serial).filter((s) => !updated.has(s)), confirmed: r.confirmed };
  }

  /** The key the vehicle signs its reports with; null for an unknown vehicle or one provisioned without it. */
  async reportKeyOf(vin: string): Promise<{ known: boolean; pem: string | null }> {
    const { rows } = await this.pool.query<{ report_public_key: string | null }>(REPORT_KEY([vin]));
    return { known: rows.length > 0, pem: rows[0]?.report_public_key ?? null };
  }

  /** Registers (or replaces, e.g. after an ECU swap) the vehicle's report-signing key. */
  async setReportKey(vin: string, pem: string, actor: string): Promise<boolean> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const r = await client.query('UPDATE vehicles SET report_public_key = $2 WHERE vin = $1', [vin, pem]);
      if (r.rowCount === 0) return false;
      await appendAudit(client, now, { actor, action: 'vehicle.report-key', entityType: 'vehicle', entityId: vin, after: { reportPublicKey: pem } });
      return true;
    });
  }
}

function toEcu(r: Record<string, string>): Ecu {
  return {
    serial: r.serial ?? '',
    module: r.module ?? '',
    hardwareId: r.hardware_id ?? '',
    bus: r.bus as Bus,
    softwareVersion: r.software_version ?? '',
    calibration: r.calibration ?? '',
  };
}
