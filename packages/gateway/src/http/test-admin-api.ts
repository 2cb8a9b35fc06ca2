import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { BlobStore, CampaignService, DirectorKeys, createRepos, silentLogger, type Campaign, type Repos } from '@ota/campaign-core';
import { firstRootEnvelope } from '../trust/ceremony.js';
import { createTestDatabase } from '@ota/campaign-core/testing';
import { buildAdminApi } from './admin-api.js';

/**
 * The admin API over real Postgres (a schema of its own) and a real image store, for route tests through
 * inject(). Dispatching is recorded instead of run: the real dispatcher is exercised end to end in test/.
 */
export async function startTestAdminApi(token: string, actor: string, limits = { chunkSize: 4096, maxImageBytes: 64 * 1024 }) {
  const db = await createTestDatabase();
  const blobDir = await mkdtemp(join(tmpdir(), 'ota-api-'));
  const repos: Repos = createRepos(db.pool);
  const dispatched: { campaign: Campaign; ids: readonly string[] }[] = [];
  // A root of trust with keys held in memory: the release key signs entries the way `pnpm trust` would.
  const keys = { root: generateKeyPairSync('ed25519').privateKey, release: generateKeyPairSync('ed25519').privateKey, director: generateKeyPairSync('ed25519').privateKey };
  await repos.trust.add(firstRootEnvelope({ root: [keys.root], release: [keys.release], director: [keys.director] }), 'test');
  const app: FastifyInstance = await buildAdminApi({
    services: {
      repos,
      blobs: new BlobStore(blobDir),
      campaigns: new CampaignService({
        repos,
        dispatcher: { dispatch: async (campaign, ids) => void dispatched.push({ campaign, ids }), advance: async () => {}, applyPacing: async () => {} },
        channel: { sendCancel: async () => {} },
        log: silentLogger,
      }),
      director: new DirectorKeys(repos.trust, async () => [keys.director]),
      ...limits,
    },
    tokens: new Map([[token, actor]]),
    logger: false,
  });
  return {
    app,
    db,
    dispatched,
    keys,
    async stop() {
      await app.close();
      await db.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
