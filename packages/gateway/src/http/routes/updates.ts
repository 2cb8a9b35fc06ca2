import type { Readable } from 'node:stream';
import { OtaError, RELEASE_TTL_MS, checkReleaseEnvelope, releaseEntryPayload, type SoftwareUpdate } from '@ota/campaign-core';
import { MAX_MANIFEST_BYTES } from '@ota/proto';
import { readBinaryBody } from '../binary-body.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const Id = Type.String({ format: 'uuid' });

const UpdateOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.String(),
  module: Type.String(),
  bus: Type.String(),
  hardwareIds: Type.Array(Type.String()),
  vehicleModels: Type.Array(Type.String()),
  releaseCounter: Type.Integer(),
  requires: Type.Array(Type.Object({ module: Type.String(), range: Type.String() })),
  released: Type.Boolean(),
  image: Type.Union([
    Type.Object({ sha256: Type.String(), size: Type.Integer(), chunkSize: Type.Integer(), chunks: Type.Integer() }),
    Type.Null(),
  ]),
});

function present(u: SoftwareUpdate) {
  const { releaseEnvelope, ...rest } = u;
  return {
    ...rest,
    released: releaseEnvelope !== null,
    image: u.image
      ? {
          sha256: u.image.sha256.toString('hex'),
          size: u.image.size,
          chunkSize: u.image.chunkSize,
          chunks: u.image.chunkHashes.length,
        }
      : null,
  };
}

/** Define an update, then upload its image once. */
export const updateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The image is streamed to the blob store as it arrives: never buffered whole, hashed on the way.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post(
    '/',
    {
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            version: Type.String({ minLength: 1, maxLength: 64 }),
            module: Type.String({ minLength: 1, maxLength: 64 }),
            bus: Type.Union([Type.Literal('CAN'), Type.Literal('CAN_FD'), Type.Literal('LIN'), Type.Literal('ETHERNET')]),
            hardwareIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 100 }),
            vehicleModels: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })),
            /** Uptane release counter; by default one above the module's highest so far. */
            releaseCounter: Type.Optional(Type.Integer({ minimum: 0, maximum: 0xffff_ffff })),
            /** Other ECUs this one needs, e.g. [{ module: "gateway", range: ">=2.0.0" }]; in a bundle they flash first. */
            requires: Type.Optional(
              Type.Array(
                Type.Object({ module: Type.String({ minLength: 1, maxLength: 64 }), range: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
                { maxItems: 16 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: UpdateOut },
      },
    },
    async (request, reply) => {
      const update = await app.ota.repos.updates.create(request.body, request.actor);
      return reply.status(201).send(present(update));
    },
  );

  app.get('/:id', { schema: { params: Type.Object({ id: Id }), response: { 200: UpdateOut } } }, async (request) =>
    present(await app.ota.repos.updates.get(request.params.id)),
  );

  app.put(
    '/:id/image',
    { schema: { params: Type.Object({ id: Id }), response: { 200: UpdateOut } } },
    async (request) => {
      if (request.headers['content-type'] !== 'application/octet-stream') {
        throw new OtaError('OTA_ERR_UNSUPPORTED_MEDIA_TYPE', 'send the image as application/octet-stream');
      }
      const update = await app.ota.repos.updates.get(request.params.id);
      if (update.image) throw new OtaError('OTA_ERR_IMAGE_ALREADY_UPLOADED');
      const image = await app.ota.blobs.put(request.body as Readable, {
        chunkSize: app.ota.chunkSize,
        maxBytes: app.ota.maxImageBytes,
      });
      return present(await app.ota.repos.updates.attachImage(update.id, image, request.actor));
    },
  );

  // The release entry to sign offline with the release key (`pnpm trust sign-release`): its exact bytes.
  app.get(
    '/:id/release-entry',
    { schema: { params: Type.Object({ id: Id }), querystring: Type.Object({ expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }) } },
    async (request, reply) => {
      const update = await app.ota.repos.updates.get(request.params.id);
      if (!update.image) throw new OtaError('OTA_ERR_IMAGE_MISSING');
      const ttl = request.query.expiresInDays ? request.query.expiresInDays * 24 * 3600 * 1000 : RELEASE_TTL_MS;
      return reply.type('application/octet-stream').send(Buffer.from(releaseEntryPayload(update, Date.now() + ttl)));
    },
  );

  // The signed release entry (Signed{ReleaseEntry} bytes): checked against the current root's release role
  // and against the stored image before it is kept. Campaigns cannot start without it.
  app.put(
    '/:id/release',
    { schema: { params: Type.Object({ id: Id }), response: { 200: UpdateOut } } },
    async (request) => {
      const envelope = await readBinaryBody(request, MAX_MANIFEST_BYTES, 'signed release entry');
      const update = await app.ota.repos.updates.get(request.params.id);
      const root = await app.ota.repos.trust.newest();
      if (!root) throw new OtaError('OTA_ERR_NO_ROOT');
      const check = checkReleaseEnvelope(update, envelope, root, Date.now());
      if (!check.ok) throw new OtaError('OTA_ERR_RELEASE_INVALID', check.message);
      return present(await app.ota.repos.updates.attachRelease(update.id, envelope, request.actor));
    },
  );
};
