import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { EXECUTION_STATES, OtaError, PlanError, isCampaignDone, listAudit, parsePhases, type Campaign, type NewCampaign, type PhaseSpec, type Repos } from '@ota/campaign-core';

const Id = Type.String({ format: 'uuid' });
const Share = Type.Number({ minimum: 0, maximum: 1 });

const PhaseIn = Type.Object(
  {
    size: Type.Union([
      Type.Object({ count: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      Type.Object({ percent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) }, { additionalProperties: false }),
    ]),
    approval: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('manual')])),
  },
  { additionalProperties: false },
);

const RolloutIn = Type.Object(
  {
    /** Either a list of phases or the shorthand "10,25%,100%" (cumulative sizes). */
    phases: Type.Optional(Type.Union([Type.Array(PhaseIn, { minItems: 1, maxItems: 20 }), Type.String({ maxLength: 200 })])),
    successThreshold: Type.Optional(Share),
    errorShare: Type.Optional(Share),
    errorCount: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const RampIn = Type.Object(
  {
    startPerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    factor: Type.Number({ minimum: 1, maximum: 100 }),
    everySuccesses: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

const RetryIn = Type.Object(
  {
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    backoffS: Type.Optional(Type.Number({ minimum: 0, maximum: 7 * 24 * 3600 })),
    factor: Type.Optional(Type.Number({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false },
);

const CampaignOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  updateId: Type.String(),
  state: Type.String(),
  ratePerMinute: Type.Integer(),
  maxInFlight: Type.Integer(),
  executionTimeoutS: Type.Integer(),
  rollout: Type.Unknown(),
  ramp: Type.Union([RampIn, Type.Null()]),
  retry: Type.Unknown(),
  target: Type.Unknown(),
  dynamic: Type.Boolean(),
  startAt: Type.Union([Type.String(), Type.Null()]),
  endAt: Type.Union([Type.String(), Type.Null()]),
  maintenanceWindow: Type.Unknown(),
  rollbackOf: Type.Union([Type.String(), Type.Null()]),
  onConflict: Type.String(),
  priority: Type.String(),
  consent: Type.String(),
  bundle: Type.Array(Type.String()),
  preconditions: Type.Unknown(),
  download: Type.Unknown(),
  currentPhase: Type.Integer(),
  awaitingApproval: Type.Union([Type.Integer(), Type.Null()]),
  pauseReason: Type.Unknown(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  eligible: Type.Optional(Type.Integer()),
  phaseSizes: Type.Optional(Type.Array(Type.Integer())),
});

const Counts = Type.Object(Object.fromEntries(EXECUTION_STATES.map((s) => [s, Type.Integer()])));
function reasonOf(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw new OtaError('OTA_ERR_VALIDATION', 'body must be an object');
  const { reason, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new OtaError('OTA_ERR_VALIDATION', `unknown field ${Object.keys(rest)[0]}`);
  if (reason === undefined) return undefined;
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > 1000) {
    throw new OtaError('OTA_ERR_VALIDATION', 'reason must be a string of 1 to 1000 characters');
  }
  return reason;
}

function present<T extends Campaign>(c: T) {
  return {
    ...c,
    startAt: c.startAt?.toISOString() ?? null,
    endAt: c.endAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
  };
}

function phasesFrom(input: string | { size: PhaseSpec['size']; approval?: PhaseSpec['approval'] }[]): PhaseSpec[] {
  if (typeof input !== 'string') return input.map((p) => ({ size: p.size, approval: p.approval ?? 'auto' }));
  try {
    return parsePhases(input);
  } catch (err) {
    if (err instanceof PlanError) throw new OtaError('OTA_ERR_VALIDATION', `phases: ${err.message}`);
    throw err;
  }
}

const Names = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 });
const TargetIn = Type.Object(
  {
    models: Type.Optional(Names),
    regions: Type.Optional(Names),
    excludeRegions: Type.Optional(Names),
    hardwareIds: Type.Optional(Names),
    versionRange: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    vins: Type.Optional(Type.Array(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' }), { minItems: 1, maxItems: 100_000 })),
  },
  { additionalProperties: false },
);

const CampaignIn = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    updateId: Id,
    ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    executionTimeoutS: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600 })),
    rollout: Type.Optional(RolloutIn),
    ramp: Type.Optional(Type.Union([RampIn, Type.Null()])),
    retry: Type.Optional(RetryIn),
    target: Type.Optional(TargetIn),
    dynamic: Type.Optional(Type.Boolean()),
    startAt: Type.Optional(Type.String({ format: 'date-time' })),
    endAt: Type.Optional(Type.String({ format: 'date-time' })),
    onConflict: Type.Optional(Type.Union([Type.Literal('refuse'), Type.Literal('queue')])),
    priority: Type.Optional(Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('normal'), Type.Literal('low')])),
    consent: Type.Optional(Type.Union([Type.Literal('forced'), Type.Literal('required')])),
    maintenanceWindow: Type.Optional(
      Type.Object({ start: Type.String({ pattern: '^\\d\\d:\\d\\d$' }), end: Type.String({ pattern: '^\\d\\d:\\d\\d$' }) }, { additionalProperties: false }),
    ),
    /** Updates installed with the main one, on the vehicles they apply to, dependencies first. */
    bundle: Type.Optional(Type.Array(Id, { maxItems: 16 })),
    preconditions: Type.Optional(
      Type.Object(
        {
          minBatteryPct: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          requireParked: Type.Optional(Type.Boolean()),
          requireIgnitionOff: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    download: Type.Optional(
      Type.Object(
        {
          minBytesPerS: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
          slowGraceMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 3_600_000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

function toNewCampaign(body: Static<typeof CampaignIn>): NewCampaign {
  const { rollout, startAt, endAt, ...rest } = body;
  const { phases, ...thresholds } = rollout ?? {};
  return {
    ...rest,
    ...(startAt ? { startAt: new Date(startAt) } : {}),
    ...(endAt ? { endAt: new Date(endAt) } : {}),
    rollout: { ...thresholds, ...(phases !== undefined ? { phases: phasesFrom(phases) } : {}) },
  };
}

/** Create, start, steer and watch campaigns. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/', { schema: { body: CampaignIn, response: { 201: CampaignOut } } }, async (request, reply) => {
    const campaign = await app.ota.repos.campaigns.create(toNewCampaign(request.body), request.actor);
    return reply.status(201).send(present(campaign));
  });

  // A rollback: an older update goes back onto this campaign's vehicles (all, or the failed ones), as a new
  // draft campaign with its own phases and pacing. Manifests say "rollback", signed.
  app.post(
    '/:id/rollback',
    {
      schema: {
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            updateId: Id,
            scope: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('failed')])),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
            maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
            rollout: Type.Optional(RolloutIn),
          },
          { additionalProperties: false },
        ),
        response: { 201: CampaignOut },
      },
    },
    async (request, reply) => {
      const { scope, name, ...rest } = request.body;
      const base = toNewCampaign({ ...rest, name: name ?? `rollback of ${request.params.id}` });
      const campaign = await app.ota.repos.campaigns.createRollback(request.params.id, { ...base, scope: scope ?? 'all' }, request.actor);
      return reply.status(201).send(present(campaign));
    },
  );

  // What a campaign would do, before anything starts: counts per phase, model and region, a sample, conflicts.
  app.post('/dry-run', { schema: { body: CampaignIn } }, async (request) => app.ota.repos.campaigns.dryRun(toNewCampaign(request.body)));

  app.patch(
    '/:id/pacing',
    {
      schema: {
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
            maxInFlight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
            ramp: Type.Optional(Type.Union([RampIn, Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CampaignOut },
      },
    },
    async (request) => present(await app.ota.campaigns.changePacing(request.params.id, request.body, request.actor)),
  );

  // The body is optional ({ "reason": "..." }), and a JSON schema cannot say "absent or an object": checked here.
  const action = (path: string, run: (id: string, actor: string, reason: string | undefined) => Promise<Campaign>) =>
    app.post(
      `/:id/${path}`,
      { schema: { params: Type.Object({ id: Id }), response: { 200: CampaignOut } } },
      async (request) => present(await run(request.params.id, request.actor, reasonOf(request.body))),
    );
  action('start', async (id, actor) => {
    // Refuse now, not one vehicle at a time, when no manifest could be signed.
    await app.ota.director.current();
    return app.ota.campaigns.start(id, actor);
  });
  action('pause', (id, actor, reason) => app.ota.campaigns.pause(id, actor, reason ?? 'paused by operator'));
  action('resume', (id, actor, reason) => app.ota.campaigns.resume(id, actor, reason));
  action('approve', (id, actor) => app.ota.campaigns.approve(id, actor));
  action('cancel', async (id, actor, reason) => (await app.ota.campaigns.cancel(id, actor, reason)).campaign);

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
            /** vehicles that ever received an offer */
            offered: Type.Integer(),
            phases: Type.Array(
              Type.Object({
                size: Type.Integer(),
                succeeded: Type.Integer(),
                failed: Type.Integer(),
                acknowledged: Type.Integer(),
                active: Type.Integer(),
                failureCodes: Type.Record(Type.String(), Type.Integer()),
              }),
            ),
            done: Type.Boolean(),
            bytesSent: Type.Integer(),
          }),
        },
      },
    },
    async (request) => campaignStatus(app.ota.repos, request.params.id),
  );

  // Server-sent events: `status` whenever the counts or state change, `audit` for every new audit entry,
  // until the campaign is completed or cancelled. Polls Postgres, so it sees changes from every gateway.
  app.get('/:id/events', { schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const { repos } = app.ota;
    let status = await campaignStatus(repos, request.params.id); // 404 before the stream starts
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let closed = false;
    request.raw.on('close', () => (closed = true));
    const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    let lastStatus = '';
    let lastAudit = 0;
    while (!closed) {
      const shape = JSON.stringify({ c: status.counts, s: status.campaign.state, p: status.campaign.currentPhase });
      if (shape !== lastStatus) send('status', status);
      lastStatus = shape;
      for (const entry of await listAudit(repos.pool, { entityType: 'campaign', entityId: status.campaign.id, afterId: lastAudit })) {
        send('audit', { ...entry, at: entry.at.toISOString() });
        lastAudit = entry.id;
      }
      if (status.campaign.state === 'completed' || status.campaign.state === 'cancelled') break;
      await new Promise((r) => setTimeout(r, EVENTS_POLL_MS));
      status = await campaignStatus(repos, request.params.id);
    }
    out.end();
  });
};

const EVENTS_POLL_MS = 500;

/** The campaign and its progress: two statements, one pass over its executions (it is polled during rollouts). */
async function campaignStatus(repos: Repos, id: string) {
  const campaign = await repos.campaigns.get(id);
  const { byState, phases, offered, bytesSent } = await repos.rollouts.progress(campaign);
  const counts = Object.fromEntries(EXECUTION_STATES.map((s) => [s, byState[s] ?? 0]));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    campaign: present(campaign),
    counts,
    total,
    offered,
    phases,
    done: campaign.state !== 'draft' && isCampaignDone(byState),
    bytesSent,
  };
}
