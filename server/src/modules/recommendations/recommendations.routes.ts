// The recommendation endpoints: the caller's precomputed list, feedback on its items, a manual refresh.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  RecommendationContentParams,
  RecommendationFeedback,
  RecommendationFeedbackBody,
  RecommendationList,
  RecommendationQuery,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  getRecommendations,
  refreshNow,
  sendFeedback,
  type RecommendationDeps,
} from './recommendations.service';

export const recommendationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Recommendations'];
  const deps = (): RecommendationDeps => ({
    db: app.db,
    redis: app.redis,
    prefix: app.config.redisKeyPrefix,
    hideThreshold: app.config.moderationHideThreshold,
    log: app.log,
  });

  app.get(
    '/recommendations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your recommendations, best first, each with its reasons and the item’s card',
        querystring: RecommendationQuery,
        response: { 200: RecommendationList, ...errorResponses(400, 401) },
      },
    },
    (request) => getRecommendations(deps(), callerOf(request), request.query.limit),
  );

  app.post(
    '/recommendations/:contentId/feedback',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record that one of your recommendations was shown, opened or dismissed',
        params: RecommendationContentParams,
        body: RecommendationFeedbackBody,
        response: { 200: RecommendationFeedback, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => sendFeedback(app.db, callerOf(request), request.params.contentId, request.body.action),
  );

  app.post(
    '/recommendations/refresh',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Recompute your recommendations now (a few times a minute at most)',
        querystring: RecommendationQuery,
        response: { 200: RecommendationList, ...errorResponses(400, 401, 403, 429) },
      },
    },
    (request) => refreshNow(deps(), callerOf(request), request.query.limit),
  );
};
