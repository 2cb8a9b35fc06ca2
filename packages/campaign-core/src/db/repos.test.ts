import { generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../blobs/blob-store.js';
import type { Vehicle } from '../domain/types.js';
import { createRepos, type Repos } from '../repos.js';
import { createTestDatabase } from '../testing/test-services.js';
import { listAudit } from './audit-log.js';

const vehicle = (vin: string, bcmVersion: string, hardwareId = 'BCM-H2'): Vehicle => ({
  vin,
  engineNumber: `E-${vin.slice(-6)}`,
  chassisNumber: `C-${vin.slice(-6)}`,
  model: 'Aster',
  region: 'EU',
  ecus: [
    { serial: `${vin}-bcm`, module: 'bcm', hardwareId, bus: 'CAN', softwareVersion: bcmVersion, calibration: 'c1' },
    { serial: `${vin}-seat`, module: 'seat', hardwareId: 'SEAT-L1', bus: 'LIN', softwareVersion: '0.1.0', calibration: '' },
  ],
});

const reportKey = (): string => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const keyA = reportKey();
const keyB = reportKey();

describe('repositories on real Postgres', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let repos: Repos;
  let blobDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = createRepos(db.pool);
    blobDir = await mkdtemp(join(tmpdir(), 'ota-blobs-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(blobDir, { recursive: true, force: true });
  });

  it('runs a campaign from import to completion, confirming installs by version report', async () => {
    await repos.vehicles.importVehicles(
      [
        vehicle('1M8GDM9AXKP042788', '1.4.2'),
        vehicle('11111111111111111', '1.9.0'),
        vehicle('1HGCM82633A004352', '1.4.2', 'BCM-H1'), // incompatible hardware
        vehicle('5YJSA1E26HF000337', '1.10.0'), // already current
      ],
      'op@example.com',
    );
    const update = await repos.updates.create(
      { name: 'BCM fix', version: '1.10.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] },
      'op@example.com',
    );
    await expect(
      repos.updates.create({ name: 'again', version: '1.10.0', module: 'bcm', bus: 'CAN', hardwareIds: [] }, 'op'),
    ).rejects.toMatchObject({ code: 'OTA_ERR_UPDATE_EXISTS' });

    const image = await new BlobStore(blobDir).put(Readable.from([Buffer.alloc(150_000, 7)]), {
      chunkSize: 65_536,
      maxBytes: 1 << 20,
    });
    expect(image.chunkHashes).toHaveLength(3);
    const campaign = await repos.campaigns.create({ name: 'c1', updateId: update.id }, 'op@example.com');
    await expect(repos.campaigns.start(campaign.id, 'op')).rejects.toMatchObject({ code: 'OTA_ERR_IMAGE_MISSING' });
    await repos.updates.attachImage(update.id, image, 'op@example.com');
    expect(campaign.eligible).toBe(2);
    // Nothing is offered without the release key's signature (verified by the API before it is stored).
    await expect(repos.campaigns.start(campaign.id, 'op')).rejects.toMatchObject({ code: 'OTA_ERR_UPDATE_NOT_RELEASED' });
    await repos.updates.attachRelease(update.id, Buffer.from('signed release entry'), 'release@example.com');

    const { executionIds } = await repos.campaigns.start(campaign.id, 'op@example.com');
    expect(executionIds).toHaveLength(2);
    await expect(repos.campaigns.start(campaign.id, 'op')).rejects.toMatchObject({ code: 'OTA_ERR_CAMPAIGN_STATE' });

    const [first, second] = executionIds as [string, string];
    // Offline vehicles are not offered anything (and burn no attempt) until they connect.
    expect((await repos.executions.claimForOffer(first)).kind).toBe('offline');
    const vins = ['1M8GDM9AXKP042788', '11111111111111111'];
    for (const vin of vins) await repos.vehicles.markConnected(vin, new Date());
    // Connected, but not reported since: an offer now would echo a nonce of an earlier session.
    expect((await repos.executions.claimForOffer(first)).kind).toBe('offline');
    // Their reports of this session (what APPLY_REPORT records; their report keys come later in this test).
    await repos.pool.query('UPDATE vehicles SET last_report_at = now() WHERE vin = ANY($1)', [vins]);
    const claim = await repos.executions.claimForOffer(first);
    expect(claim.kind).toBe('offer');
    const resend = await repos.executions.claimForOffer(first);
    expect(resend.kind).toBe('resend');
    if (claim.kind !== 'offer' || resend.kind !== 'resend') throw new Error('unreachable');
    expect(claim.targets.map((t) => [t.update.id, t.installOrder])).toEqual([[update.id, 0]]);
    // Every manifest signed for a VIN gets the next counter (Uptane director metadata version).
    expect(resend.freshness.counter).toBe(claim.freshness.counter + 1);
    expect(resend.reachable).toBe(true);
    // Back in a new session but not reported yet: a resend now would echo a nonce the vehicle no longer knows.
    const firstVin = claim.execution.vin;
    await repos.vehicles.markConnected(firstVin, new Date(Date.now() + 60_000));
    expect(await repos.executions.claimForOffer(first)).toMatchObject({ kind: 'resend', reachable: false });
    await repos.pool.query(`UPDATE vehicles SET last_report_at = now() + interval '2 minutes' WHERE vin = $1`, [firstVin]); // its report
    expect(await repos.executions.claimForOffer(first)).toMatchObject({ kind: 'resend', reachable: true });

    // A vehicle cannot speak for another vehicle's execution.
    const exec = await repos.executions.get(first);
    const other = exec!.vin === '11111111111111111' ? '1M8GDM9AXKP042788' : '11111111111111111';
    expect(await repos.executions.transition(first, { to: 'installed', vin: other })).toMatchObject({ ok: false });
    // Illegal transitions are refused and change nothing.
    expect(await repos.executions.transition(second, { to: 'installed' })).toEqual({
      ok: false,
      rejected: 'OTA_ERR_ILLEGAL_TRANSITION',
      current: 'queued',
    });
    // A result naming another attempt than the one in flight (attempt 1) decides nothing.
    expect(await repos.executions.transition(first, { to: 'installed', vin: exec!.vin, attempt: 2 })).toEqual({
      ok: false,
      rejected: 'OTA_ERR_STALE_RESULT',
      current: 'offered',
      attempts: 1,
    });
    expect(await repos.executions.recordFailure(first, { vin: exec!.vin, resultCode: 'LOW_BATTERY', attempt: 2 })).toMatchObject({ rejected: 'OTA_ERR_STALE_RESULT' });
    // Progress of many vehicles in one statement, each move guarded as a single transition is.
    const secondVin = (await repos.executions.get(second))!.vin;
    expect(
      await repos.executions.moveProgress([
        { id: first, vin: exec!.vin, to: 'downloading' },
        { id: second, vin: secondVin, to: 'downloading' }, // still queued: not offered, nothing to download
        { id: 'not-a-uuid', vin: exec!.vin, to: 'downloading' },
        { id: '00000000-0000-0000-0000-000000000000', vin: exec!.vin, to: 'downloading' },
      ]),
    ).toEqual([{ ok: true }, { ok: false, current: 'queued' }, { ok: false, current: null }, { ok: false, current: null }]);
    // Another vehicle's execution is none of its business; a move back is refused.
    expect(await repos.executions.moveProgress([{ id: first, vin: secondVin, to: 'installing' }])).toEqual([{ ok: false, current: null }]);
    expect(await repos.executions.moveProgress([{ id: first.toUpperCase(), vin: exec!.vin, to: 'installing' }])).toEqual([{ ok: true }]);
    expect(await repos.executions.moveProgress([{ id: first, vin: exec!.vin, to: 'downloading' }])).toEqual([{ ok: false, current: 'installing' }]);
    const { rows: moves } = await db.pool.query('SELECT from_state, to_state FROM execution_transitions WHERE execution_id = $1 ORDER BY id', [first]);
    expect(moves).toEqual([
      { from_state: 'queued', to_state: 'offered' },
      { from_state: 'offered', to_state: 'downloading' },
      { from_state: 'downloading', to_state: 'installing' },
    ]);
    expect(await repos.executions.transition(first, { to: 'installed', vin: exec!.vin, attempt: 1 })).toMatchObject({ ok: true });

    const meta = { counter: 5, nonce: Buffer.from('n1'), rootVersion: 1, state: null };
    const ecus = [{ serial: exec!.ecuSerial, softwareVersion: '1.10.0', calibration: 'c1', releaseCounter: 1 }];
    // A report is stored only while the key its signature was checked against is the vehicle's.
    expect(await repos.vehicles.applyVersionReport(exec!.vin, keyA, meta, ecus)).toEqual({ applied: false, reason: 'key-changed', currentKey: null });
    expect(await repos.vehicles.setReportKey(exec!.vin, keyA, 'op@example.com')).toBe(true);
    expect(await repos.vehicles.markConnected(exec!.vin, new Date())).toBe(keyA);
    expect(await repos.vehicles.markConnected('00000000000000000', new Date())).toBeUndefined();
    // Many vehicles' sessions at once: a connect answers the report key; a session ends only itself.
    const sessionAt = new Date();
    const oldSession = new Date(sessionAt.getTime() - 60_000);
    expect(
      await repos.vehicles.recordPresence([
        { vin: exec!.vin, connected: true, at: sessionAt },
        { vin: '00000000000000000', connected: true, at: sessionAt },
        { vin: other, connected: true, at: sessionAt },
      ]),
    ).toEqual([keyA, undefined, null]);
    expect(await repos.vehicles.recordPresence([{ vin: other, connected: false, at: oldSession }])).toEqual([undefined]);
    expect((await repos.vehicles.getVehicle(other))?.connected).toBe(true); // a newer session is not ended by an older one's end
    await repos.vehicles.recordPresence([{ vin: other, connected: false, at: sessionAt }]);
    expect((await repos.vehicles.getVehicle(other))?.connected).toBe(false);
    await repos.vehicles.recordPresence([{ vin: other, connected: true, at: sessionAt }]);
    await repos.pool.query('UPDATE vehicles SET last_report_at = now() WHERE vin = $1', [other]); // its report of this session
    expect(await repos.vehicles.applyVersionReport(exec!.vin, keyB, meta, ecus)).toEqual({ applied: false, reason: 'key-changed', currentKey: keyA });
    expect((await repos.executions.get(first))?.state).toBe('installed');
    // Stored, and in the same statement the install it shows is confirmed.
    expect(await repos.vehicles.applyVersionReport(exec!.vin, keyA, meta, ecus)).toEqual({ applied: true, unknownSerials: [], confirmed: [first] });
    expect((await repos.executions.get(first))?.state).toBe('succeeded');
    // Uptane: a report whose counter does not grow is refused.
    expect(await repos.vehicles.applyVersionReport(exec!.vin, keyA, meta, ecus)).toEqual({ applied: false, reason: 'stale-counter', lastCounter: 5 });
    expect(await repos.vehicles.applyVersionReport('00000000000000000', keyA, meta, ecus)).toEqual({ applied: false, reason: 'unknown-vehicle' });
    expect((await repos.rollouts.advance(campaign.id)).decision).toEqual({ type: 'none' });

    await repos.executions.claimForOffer(second);
    expect(await repos.executions.transition(second, { to: 'failed', resultCode: 'HASH_MISMATCH' })).toMatchObject({
      ok: true,
    });
    expect(await repos.executions.countsByState(campaign.id)).toEqual({ succeeded: 1, failed: 1 });
    // One of two failed: above the default 10% error threshold, so the campaign pauses itself.
    const step = await repos.rollouts.advance(campaign.id);
    expect(step.decision).toMatchObject({ type: 'pause', reason: { threshold: 'error-share', failed: 1, resultCodes: { HASH_MISMATCH: 1 } } });
    expect((await repos.rollouts.advance(campaign.id)).decision).toEqual({ type: 'none' });
    // Resuming sets the failure aside; the rest succeeded, so the campaign completes.
    await repos.rollouts.resume(campaign.id, 'op@example.com');
    expect((await repos.rollouts.advance(campaign.id)).decision).toEqual({ type: 'complete' });
    expect((await repos.campaigns.get(campaign.id)).state).toBe('completed');

    const v = await repos.vehicles.getVehicle(exec!.vin);
    expect(v?.ecus.find((e) => e.module === 'bcm')?.softwareVersion).toBe('1.10.0');

    const trail = await listAudit(db.pool, { entityType: 'campaign', entityId: campaign.id });
    expect(trail.map((a) => a.action)).toEqual(['campaign.create', 'campaign.start', 'campaign.auto-pause', 'campaign.resume', 'campaign.complete']);
    await expect(db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('refuses a non-semver version and reports missing rows with stable codes', async () => {
    await expect(
      repos.updates.create({ name: 'x', version: 'v2', module: 'bcm', bus: 'CAN', hardwareIds: [] }, 'op'),
    ).rejects.toMatchObject({ code: 'OTA_ERR_INVALID_VERSION' });
    await expect(repos.campaigns.get('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'OTA_ERR_CAMPAIGN_NOT_FOUND',
    });
    await expect(repos.updates.get('not-a-uuid')).rejects.toMatchObject({ code: 'OTA_ERR_UPDATE_NOT_FOUND' });
  });
});
