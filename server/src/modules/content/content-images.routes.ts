// `GET /content/:id/image`: the only way images leave the server — by item id and size, checked against
// the item's visibility, with an ETag for cheap revalidation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ContentIdParams, errorResponses, ImageQuery } from '@genonaut/contracts';
import { openImage } from './content-images.service';

// Typed as the stream the handler sends; documented as the bytes a client receives.
const ImageBytes = Type.Unsafe<NodeJS.ReadableStream>({
  type: 'string',
  format: 'binary',
  description: 'The image (original type for `original`, WebP for thumbnails)',
});

export const contentImagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/content/:id/image',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Content'],
        summary:
          'The image of an item: the original or a WebP thumbnail (small 256, medium 512, large 1024 px)',
        params: ContentIdParams,
        querystring: ImageQuery,
        response: {
          200: {
            description: 'The image (original type for `original`, WebP for thumbnails)',
            content: { 'image/*': { schema: ImageBytes } },
          },
          304: Type.Null({ description: 'Not modified (If-None-Match matched the ETag)' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const deps = {
        db: app.db,
        storage: app.storage,
        hideThreshold: app.config.moderationHideThreshold,
      };
      const image = await openImage(
        deps,
        request.user,
        request.params.id,
        request.query.size ?? 'original',
        request.headers['if-none-match'],
      );
      void reply.header('etag', image.etag).header('cache-control', image.cacheControl);
      if (image.notModified) return reply.status(304).send(null);
      return reply
        .type(image.contentType)
        .header('content-length', image.size)
        .header('content-disposition', `inline; filename="${image.filename}"`)
        .send(image.stream);
    },
  );
};
