import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { Bus, Ecu, Vehicle } from '../domain/types.js';
import { appendAudit } from './audit-log.js';
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
  | { applied: true; unknownSerials: string[] }
  | { applied: false; reason: 'unknown-vehicle' | 'stale-counter'; lastCounter?: number };

const MARK_CONNECTED = prepared('vehicle.connected', 'UPDATE vehicles SET connected = true, connected_at = $2 WHERE vin = $1');

const MARK_DISCONNECTED = prepared('vehicle.disconnected', 'UPDATE vehicles SET connected = false WHERE vin = $1 AND connected_at <= $2');

const APPLY_REPORT = prepared('vehicle.apply-report', `WITH v AS (
         UPDATE vehicles SET last_report_at = $2, report_counter = $3, report_nonce = $4, root_version = $5, state = $6
         WHERE vin = $1 AND report_counter < $3 RETURNING vin),
       e AS (
         UPDATE ecus SET software_version = r.software_version, calibration = r.calibration,
           release_counter = r.release_counter, updated_at = $2
         FROM v, unnest($7::text[], $8::text[], $9::text[], $10::int[]) AS r(serial, software_version, calibration, release_counter)
         WHERE ecus.vin = v.vin AND ecus.serial = r.serial RETURNING ecus.serial)
       SELECT EXISTS (SELECT 1 FROM v) AS applied, ARRAY(SELECT serial FROM e) AS updated,
         (SELECT report_counter FROM vehicles WHERE vin = $1) AS last_counter`);

const REPORT_KEY = prepared('vehicle.report-key', 'SELECT report_public_key FROM vehicles WHERE vin = $1');

export class VehicleRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
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

  /** Presence, for dispatch: an offline vehicle is not offered anything. */
  async markConnected(vin: string, at: Date): Promise<void> {
    await this.pool.query(MARK_CONNECTED([vin, at]));
  }

  /** Only the session that connected at `connectedAt` may mark the vehicle gone (a newer one may exist). */
  async markDisconnected(vin: string, connectedAt: Date): Promise<void> {
    await this.pool.query(MARK_DISCONNECTED([vin, connectedAt]));
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
   * Records what a vehicle reports it runs. Only ECUs known from manufacturing data are updated; the serials
   * of unknown ones are returned so the caller can log them.
   */
  async applyVersionReport(client: pg.PoolClient, vin: string, meta: ReportMeta, ecus: readonly ReportedEcu[]): Promise<ReportVerdict> {
    // One statement: the vehicle row moves only when the counter grows (Uptane: anything else is a replay or
    // a stale redelivery), and its ECUs only with it. last_counter is read from the statement's snapshot,
    // that is, before this report.
    const { rows } = await client.query<{ applied: boolean; updated: string[]; last_counter: string | null }>(
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
      ]),
    );
    const r = rows[0]!;
    if (!r.applied) {
      if (r.last_counter === null) return { applied: false, reason: 'unknown-vehicle' };
      return { applied: false, reason: 'stale-counter', lastCounter: Number(r.last_counter) };
    }
    const updated = new Set(r.updated);
    return { applied: true, unknownSerials: ecus.map((e) => e.serial).filter((s) => !updated.has(s)) };
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
