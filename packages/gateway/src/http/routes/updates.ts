import type { Readable } from 'node:stream';
import { OtaError, type SoftwareUpdate } from '@ota/campaign-core';
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
  image: Type.Union([
    Type.Object({ sha256: Type.String(), size: Type.Integer(), chunkSize: Type.Integer(), chunks: Type.Integer() }),
    Type.Null(),
  ]),
});

function present(u: SoftwareUpdate) {
  return {
    ...u,
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
};
