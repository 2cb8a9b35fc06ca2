import { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../blobs/blob-store.js';
import { systemClock } from '../clock.js';
import { ExecutionNotices } from '../db/execution-notices.js';
import { ExecutionRepo } from '../db/execution-repo.js';
import { createPool } from '../db/pool.js';
import { UpdateBlobCache } from '../db/update-blobs.js';
import { createRepos, type Repos } from '../repos.js';
import { TEST_DATABASE_URL, createTestDatabase } from '../testing/test-services.js';
import { ExecutionWaiter } from './execution-waiter.js';

const VINS = ['1M8GDM9AXKP042788', '11111111111111111', '5YJSA1E26HF000337'];
const HOUR = 3_600_000;

/** A started campaign over VINS, every execution offered; returns each VIN's execution id. */
async function offeredExecutions(repos: Repos, blobDir: string): Promise<Map<string, string>> {
  await repos.vehicles.importVehicles(
    VINS.map((vin) => ({
      vin,
      engineNumber: `E-${vin.slice(-6)}`,
      chassisNumber: `C-${vin.slice(-6)}`,
      model: 'Aster',
      region: 'EU',
      ecus: [{ serial: `${vin}-bcm`, module: 'bcm', hardwareId: 'BCM-H2', bus: 'CAN' as const, softwareVersion: '1.0.0', calibration: 'c1' }],
    })),
    'op',
  );
  const update = await repos.updates.create({ name: 'BCM', version: '1.1.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] }, 'op');
  const image = await new BlobStore(blobDir).put(Readable.from([Buffer.alloc(1000, 1)]), { chunkSize: 512, maxBytes: 1 << 20 });
  await repos.updates.attachImage(update.id, image, 'op');
  await repos.updates.attachRelease(update.id, Buffer.from('signed release entry'), 'release');
  const campaign = await repos.campaigns.create({ name: 'c', updateId: update.id }, 'op');
  const { executionIds } = await repos.campaigns.start(campaign.id, 'op');
  for (const vin of VINS) await repos.vehicles.markConnected(vin, new Date());
  await repos.pool.query('UPDATE vehicles SET last_report_at = now() WHERE vin = ANY($1)', [VINS]);
  const byVin = new Map<string, string>();
  for (const id of executionIds) {
    const claim = await repos.executions.claimForOffer(id);
    if (claim.kind !== 'offer') throw new Error(`execution ${id}: ${claim.kind}`);
    byVin.set((await repos.executions.get(id))!.vin, id);
  }
  return byVin;
}

describe('ExecutionWaiter and the notices of results and reports', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let repos: Repos;
  let blobDir: string;
  let ids: Map<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = createRepos(db.pool);
    blobDir = await mkdtemp(join(tmpdir(), 'ota-waiter-'));
    ids = await offeredExecutions(repos, blobDir);
  });
  afterAll(async () => {
    await db.drop();
    await rm(blobDir, { recursive: true, force: true });
  });

  it('wakes the waiting job once a result or a report has committed, without its periodic check', async () => {
    // The periodic check is an hour away: whatever arrives within the test came by notice.
    const waiter = new ExecutionWaiter({ url: TEST_DATABASE_URL, executions: repos.executions, sweepIntervalMs: HOUR });
    await waiter.start();
    try {
      const [a, b] = [ids.get(VINS[0]!)!, ids.get(VINS[1]!)!];
      const waits = [waiter.wait(a, 20_000, { checkNow: false }), waiter.wait(b, 20_000, { checkNow: false })];
      // A failed result is final at once; an install is final when the vehicle's report shows it.
      expect(await repos.executions.transition(b, { to: 'failed', vin: VINS[1], resultCode: 'HASH_MISMATCH' })).toMatchObject({ ok: true });
      expect(await repos.executions.transition(a, { to: 'installed', vin: VINS[0] })).toMatchObject({ ok: true });
      expect(await repos.vehicles.setReportKey(VINS[0]!, 'key-a', 'op')).toBe(true);
      const report = await repos.vehicles.applyVersionReport(
        VINS[0]!,
        'key-a',
        { counter: 1, nonce: Buffer.from('n'), rootVersion: 1, state: null },
        [{ serial: `${VINS[0]}-bcm`, softwareVersion: '1.1.0', calibration: 'c1', releaseCounter: 1 }],
      );
      expect(report).toMatchObject({ applied: true, confirmed: [a] });
      expect(await Promise.all(waits)).toEqual(['succeeded', 'failed']);
    } finally {
      await waiter.close();
    }
  });

  it('reports a notice it could not send, and the waiter finds the state by its periodic check', async () => {
    // The move commits on the test database; its notice goes to a server that is not there.
    const deadPool = createPool({ url: 'postgres://postgres@127.0.0.1:1/test', schema: db.schema });
    deadPool.on('error', () => {});
    const notices = new ExecutionNotices(deadPool);
    const failures: Error[] = [];
    const noticed = new Promise<void>((resolve) =>
      notices.onFailure((err) => {
        failures.push(err);
        resolve();
      }),
    );
    const executions = new ExecutionRepo(db.pool, systemClock, notices, new UpdateBlobCache());
    const waiter = new ExecutionWaiter({ url: TEST_DATABASE_URL, executions, sweepIntervalMs: 200 });
    await waiter.start();
    try {
      const c = ids.get(VINS[2]!)!;
      const wait = waiter.wait(c, 20_000, { checkNow: false });
      expect(await executions.transition(c, { to: 'failed', vin: VINS[2], resultCode: 'LOW_BATTERY' })).toMatchObject({ ok: true });
      await noticed;
      expect(failures[0]?.message).toMatch(/ECONNREFUSED/);
      expect(await wait).toBe('failed');
      expect((await executions.get(c))?.state).toBe('failed');
    } finally {
      await waiter.close();
      await deadPool.end();
    }
  });
});
