import type pg from 'pg';
import type { Clock } from '../clock.js';
import { OtaError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { inTransaction } from './pool.js';

/** Which vehicle certificates exist and which are revoked: the truth every gateway's CRL is built from. */
export class CertificateRepo {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async record(vin: string, serial: string, actor: string): Promise<void> {
    const now = this.clock.now();
    await inTransaction(this.pool, async (client) => {
      const found = await client.query('SELECT 1 FROM vehicles WHERE vin = $1', [vin]);
      if (!found.rowCount) throw new OtaError('OTA_ERR_VEHICLE_NOT_FOUND', `no vehicle ${vin}`);
      await client.query('INSERT INTO vehicle_certificates (serial, vin, issued_at) VALUES ($1, $2, $3)', [serial.toLowerCase(), vin, now]);
      await appendAudit(client, now, { actor, action: 'vehicle.certificate-issue', entityType: 'vehicle', entityId: vin, after: { serial } });
    });
  }

  /** Revokes every certificate of the vehicle; returns their serials. */
  async revokeVehicle(vin: string, reason: string, actor: string): Promise<string[]> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ serial: string }>(
        `UPDATE vehicle_certificates SET revoked_at = $2, revoke_reason = $3 WHERE vin = $1 AND revoked_at IS NULL RETURNING serial`,
        [vin, now, reason],
      );
      if (rows.length === 0) throw new OtaError('OTA_ERR_VEHICLE_NOT_FOUND', `no active certificate recorded for ${vin}`);
      await appendAudit(client, now, { actor, action: 'vehicle.certificate-revoke', entityType: 'vehicle', entityId: vin, after: { serials: rows.map((r) => r.serial) }, reason });
      return rows.map((r) => r.serial);
    });
  }

  async revoked(): Promise<{ serial: string; revokedAt: Date }[]> {
    const { rows } = await this.pool.query('SELECT serial, revoked_at FROM vehicle_certificates WHERE revoked_at IS NOT NULL ORDER BY serial');
    return rows.map((r) => ({ serial: r.serial as string, revokedAt: r.revoked_at as Date }));
  }
}
