import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { listAudit } from '@ota/campaign-core';

/** The audit trail: who did what, when, why, before and after. Filter by campaign, vehicle or actor. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        querystring: Type.Object(
          {
            campaign: Type.Optional(Type.String({ format: 'uuid' })),
            update: Type.Optional(Type.String({ format: 'uuid' })),
            vin: Type.Optional(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' })),
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            after: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const q = request.query;
      const entity = q.campaign ? { entityType: 'campaign', entityId: q.campaign } : q.update ? { entityType: 'update', entityId: q.update } : {};
      const entries = await listAudit(app.ota.repos.pool, {
        ...entity,
        ...(q.vin ? { vin: q.vin } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.after !== undefined ? { afterId: q.after } : {}),
        limit: q.limit ?? 100,
      });
      return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
};
