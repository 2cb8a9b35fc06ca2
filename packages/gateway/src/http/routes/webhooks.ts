import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Webhook } from '@ota/campaign-core';

const present = (w: Webhook) => ({ ...w, createdAt: w.createdAt.toISOString() });

/**
 * Webhooks for campaign events (the audit actions: campaign.start, campaign.auto-pause, campaign.phase-open,
 * campaign.complete, ...), per campaign or global. Each POST carries `x-ota-signature: sha256=<HMAC>`.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      schema: {
        body: Type.Object(
          {
            url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
            secret: Type.String({ minLength: 16, maxLength: 200 }),
            campaignId: Type.Optional(Type.String({ format: 'uuid' })),
            events: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]+\\.[a-z-]+$' }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => reply.status(201).send(present(await app.ota.repos.webhooks.create(request.body, request.actor))),
  );

  app.get('/', async () => ({ webhooks: (await app.ota.repos.webhooks.list()).map(present) }));

  app.delete('/:id', { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } }, async (request, reply) => {
    await app.ota.repos.webhooks.remove(request.params.id);
    return reply.status(204).send();
  });

  app.get('/:id/deliveries', { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } }, async (request) => ({
    deliveries: (await app.ota.repos.webhooks.deliveries(request.params.id)).map((d) => ({
      ...d,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  }));
};
