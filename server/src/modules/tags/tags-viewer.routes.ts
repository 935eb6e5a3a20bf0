// The signed-in user's half-star rating and favourite flag on a tag.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  TagFavoriteResponse,
  TagIdParams,
  TagRatingBody,
  TagRatingResponse,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { rateTag, setFavorite, unrateTag } from './tags.service';

export const tagViewerRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Tags'];

  app.put(
    '/tags/:id/rating',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Rate a tag from 1 to 5 in half stars (replaces your earlier rating)',
        params: TagIdParams,
        body: TagRatingBody,
        response: { 200: TagRatingResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => rateTag(app.db, callerOf(request), request.params.id, request.body.rating),
  );

  app.delete(
    '/tags/:id/rating',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove your rating of a tag',
        params: TagIdParams,
        response: { 200: TagRatingResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => unrateTag(app.db, callerOf(request), request.params.id),
  );

  app.put(
    '/tags/:id/favorite',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a tag to your favourites (no change if it already is one)',
        params: TagIdParams,
        response: { 200: TagFavoriteResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => setFavorite(app.db, callerOf(request), request.params.id, true),
  );

  app.delete(
    '/tags/:id/favorite',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove a tag from your favourites',
        params: TagIdParams,
        response: { 200: TagFavoriteResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => setFavorite(app.db, callerOf(request), request.params.id, false),
  );

  done();
};
