import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OtaError } from '@ota/campaign-core';
import type { Logger } from 'pino';
import { installBearerAuth } from './bearer-auth.js';
import { installErrorHandling } from './error-handler.js';
import { auditRoutes } from './routes/audit.js';
import { campaignRoutes } from './routes/campaigns.js';
import { updateRoutes } from './routes/updates.js';
import { vehicleRoutes } from './routes/vehicles.js';
import { trustRoutes } from './routes/trust.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { ApiServices } from './services.js';

export interface AdminApiOptions {
  services: ApiServices;
  /** token -> actor name */
  tokens: ReadonlyMap<string, string>;
  logger: Logger | false;
}

/** The operators' HTTP API. Builds the app; does not listen (main.ts does, tests use inject). */
export async function buildAdminApi(opts: AdminApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger || undefined,
    logger: opts.logger ? undefined : false,
    bodyLimit: 16 * 1024 * 1024, // JSON bodies (a 10,000-vehicle import); images stream past it
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('ota', opts.services);
  installErrorHandling(app);
  installBearerAuth(app, opts.tokens, new Set(['/v1/health', '/v1/ready']));
  // Liveness: the process answers. It stays ok while Postgres or Redis are away: the gateway rides that
  // out, and restarting it would not bring them back.
  app.get('/v1/health', async () => ({ ok: true }));
  // Readiness: whether it can do its work now; 503, naming what is down, when it cannot.
  app.get('/v1/ready', async (_request, reply) => {
    const deps = opts.services.dependencies ? await opts.services.dependencies() : { postgres: true, redis: true };
    const ready = deps.postgres && deps.redis;
    return reply.status(ready ? 200 : 503).send({ ready, postgres: deps.postgres ? 'up' : 'down', redis: deps.redis ? 'up' : 'down' });
  });
  // For Prometheus (bearer token in its scrape config): this process's counters, Node's, and the fleet's
  // executions by state of running and paused campaigns.
  app.get('/v1/metrics', async (_request, reply) => {
    if (!opts.services.metrics) throw new OtaError('OTA_ERR_NOT_FOUND', 'metrics are not enabled on this gateway');
    const scrape = await opts.services.metrics();
    return reply.type(scrape.contentType).send(scrape.body);
  });
  await app.register(vehicleRoutes, { prefix: '/v1/vehicles' });
  await app.register(updateRoutes, { prefix: '/v1/updates' });
  await app.register(campaignRoutes, { prefix: '/v1/campaigns' });
  await app.register(auditRoutes, { prefix: '/v1/audit' });
  await app.register(webhookRoutes, { prefix: '/v1/webhooks' });
  await app.register(trustRoutes, { prefix: '/v1/trust' });
  return app as unknown as FastifyInstance;
}
