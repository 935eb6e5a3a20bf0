// Ratings, interaction signals and similar items of one content item.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ContentIdParams,
  ContentList,
  errorResponses,
  InteractionBody,
  NoContent,
  RatingBody,
  RatingResponse,
  SimilarQuery,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import type { ContentReadDeps } from './content-items.service';
import { rateContent, recordInteraction, similarContent, unrateContent } from './content-engagement.service';

export const contentEngagementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Content'];
  const deps = (): ContentReadDeps => ({ db: app.db, hideThreshold: app.config.moderationHideThreshold });

  app.put(
    '/content/:id/rating',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Rate an item 1–5 stars (replaces your earlier rating)',
        params: ContentIdParams,
        body: RatingBody,
        response: { 200: RatingResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => rateContent(deps(), callerOf(request), request.params.id, request.body.rating),
  );

  app.delete(
    '/content/:id/rating',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove your rating of an item',
        params: ContentIdParams,
        response: { 200: RatingResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => unrateContent(deps(), callerOf(request), request.params.id),
  );

  app.post(
    '/content/:id/interactions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Record a view, like, download or share (views also anonymously; the rest need sign-in)',
        params: ContentIdParams,
        body: InteractionBody,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await recordInteraction(deps(), request.user, request.params.id, request.body.type);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/content/:id/similar',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Items that share the most tags with this one',
        params: ContentIdParams,
        querystring: SimilarQuery,
        response: { 200: ContentList, ...errorResponses(400, 404) },
      },
    },
    (request) => similarContent(deps(), request.user, request.params.id, request.query.limit ?? 12),
  );
};
