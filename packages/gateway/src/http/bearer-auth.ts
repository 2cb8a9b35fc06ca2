import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AnyFastify } from './services.js';
import type { ErrorBody } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting, for the audit trail: the name the presented token belongs to. */
    actor: string;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Every route but the health check needs `Authorization: Bearer <token>`. Tokens map to actor names.
 * Comparison is constant-time over digests, so neither content nor length leaks through timing.
 */
export function installBearerAuth(app: AnyFastify, tokens: ReadonlyMap<string, string>, open: ReadonlySet<string>) {
  const known = [...tokens].map(([token, actor]) => ({ hash: digest(token), actor }));
  app.decorateRequest('actor', '');
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (open.has(request.routeOptions.url ?? '')) return;
    const header = request.headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? digest(header.slice(7)) : null;
    const match = presented && known.find((k) => timingSafeEqual(k.hash, presented));
    if (!match) {
      return reply.status(401).send({
        error: { code: 'OTA_ERR_UNAUTHORIZED', message: 'a valid bearer token is required' },
      } satisfies ErrorBody);
    }
    request.actor = match.actor;
  });
}
