import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { BlobStore, CampaignService, createRepos, silentLogger, type Campaign, type Repos } from '@ota/campaign-core';
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
      ...limits,
    },
    tokens: new Map([[token, actor]]),
    logger: false,
  });
  return {
    app,
    db,
    dispatched,
    async stop() {
      await app.close();
      await db.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
