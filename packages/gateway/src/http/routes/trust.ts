import { OtaError } from '@ota/campaign-core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { readBinaryBody } from '../binary-body.js';

const MAX_ROOT_BYTES = 64 * 1024;

const RootOut = Type.Object({
  version: Type.Integer(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  addedBy: Type.String(),
  addedAt: Type.String(),
});

/**
 * The root of trust: list its versions, fetch one as signed (what a manufacturing line installs), and add
 * the next one (a rotation, signed offline by the old and the new root keys). Vehicles walk to it with
 * their next offer.
 */
export const trustRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.get('/roots', { schema: { response: { 200: Type.Object({ roots: Type.Array(RootOut) }) } } }, async () => ({
    roots: (await app.ota.repos.trust.list()).map((r) => ({
      ...r,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      addedAt: r.addedAt.toISOString(),
    })),
  }));

  app.get('/roots/:version', { schema: { params: Type.Object({ version: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const envelope = await app.ota.repos.trust.get(request.params.version);
    if (!envelope) throw new OtaError('OTA_ERR_NOT_FOUND', `no root version ${request.params.version}`);
    return reply.type('application/octet-stream').send(envelope);
  });

  app.post('/roots', { schema: { response: { 201: RootOut } } }, async (request, reply) => {
    const root = await app.ota.repos.trust.add(await readBinaryBody(request, MAX_ROOT_BYTES, 'signed root'), request.actor);
    app.ota.director.invalidate();
    const listed = (await app.ota.repos.trust.list()).find((r) => r.version === root.version)!;
    return reply.status(201).send({ ...listed, expiresAt: listed.expiresAt?.toISOString() ?? null, addedAt: listed.addedAt.toISOString() });
  });
};
