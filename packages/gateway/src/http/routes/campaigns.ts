import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { EXECUTION_STATES, isCampaignDone, type Campaign } from '@ota/campaign-core';

const Id = Type.String({ format: 'uuid' });

const CampaignOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  updateId: Type.String(),
  state: Type.String(),
  ratePerMinute: Type.Integer(),
  maxInFlight: Type.Integer(),
  executionTimeoutS: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  eligible: Type.Optional(Type.Integer()),
});

const Counts = Type.Object(Object.fromEntries(EXECUTION_STATES.map((s) => [s, Type.Integer()])));

function present(c: Campaign) {
  return {
    ...c,
    createdAt: c.createdAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
  };
}

/** Create, start and watch campaigns. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            updateId: Id,
            ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
            maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
            executionTimeoutS: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: CampaignOut },
      },
    },
    async (request, reply) => {
      const campaign = await app.ota.repos.campaigns.create(request.body, request.actor);
      return reply.status(201).send(present(campaign));
    },
  );

  app.post(
    '/:id/start',
    { schema: { params: Type.Object({ id: Id }), response: { 200: CampaignOut } } },
    async (request) => {
      const { campaign, executionIds } = await app.ota.repos.campaigns.start(request.params.id, request.actor);
      // Committed first, dispatched after: if this enqueue is lost, resumeRunning() re-enqueues at next start.
      await app.ota.dispatcher.dispatch(campaign, executionIds);
      return present(campaign);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            campaign: CampaignOut,
            counts: Counts,
            total: Type.Integer(),
            done: Type.Boolean(),
            bytesSent: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const { campaigns, executions } = app.ota.repos;
      const campaign = await campaigns.get(request.params.id);
      const byState = await executions.countsByState(campaign.id);
      const counts = Object.fromEntries(EXECUTION_STATES.map((s) => [s, byState[s] ?? 0]));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        campaign: present(campaign),
        counts,
        total,
        done: campaign.state !== 'draft' && isCampaignDone(byState),
        bytesSent: await executions.bytesSent(campaign.id),
      };
    },
  );
};
