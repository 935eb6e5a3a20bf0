import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ContentStats, errorResponses, GalleryPage, GalleryQuery } from '@genonaut/contracts';
import { contentStats, listGallery } from './gallery.service';

export const galleryRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/content',
    {
      config: { access: 'public', cache: 'content' },
      schema: {
        tags: ['Content'],
        summary: 'The gallery: visible items filtered by source, search and tags, sorted and paged',
        description:
          'Page by `cursor` (keyset; every item exactly once, also while new ones arrive) or by `page` (up to 400). ' +
          '`totalCount` is exact when counting is cheap (few matches, at most 10 000), else an estimate (`totalCountIsEstimate`).',
        querystring: GalleryQuery,
        response: { 200: GalleryPage, ...errorResponses(400, 504) },
      },
    },
    (request) => listGallery(app.db, request.user, request.query, app.config.moderationHideThreshold),
  );

  app.get(
    '/content/stats',
    {
      config: { access: 'public', cache: 'content' },
      schema: {
        tags: ['Content'],
        summary: 'Item counts for the four gallery source switches, for the caller',
        response: { 200: ContentStats },
      },
    },
    (request) => contentStats(app.db, request.user),
  );

  done();
};
