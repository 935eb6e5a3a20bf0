import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  AnalyticsDaysQuery,
  errorResponses,
  GenerationFailures,
  GenerationFailuresQuery,
  GenerationModels,
  GenerationOverview,
  GenerationTrends,
  GenerationTrendsQuery,
  MyGenerationStats,
  MyGenerationStatsQuery,
  PeakHours,
  PeakHoursQuery,
  RouteRanking,
  RouteRankingQuery,
  RouteTrends,
  RouteTrendsQuery,
  TagAnalytics,
  TagAnalyticsQuery,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  getGenerationFailures,
  getGenerationModels,
  getGenerationOverview,
  getGenerationTrends,
  getMyGenerationStats,
  getTagAnalytics,
} from './generation-analytics.service';
import { getPeakHours, getRouteRanking, getRouteTrends } from './route-analytics.service';

export const analyticsRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Analytics'];
  const admin = { access: 'admin' as const };
  const adminErrors = errorResponses(400, 401, 403);

  app.get(
    '/analytics/routes',
    {
      config: admin,
      schema: {
        tags,
        summary: 'API routes ranked by cache priority (requests × p95, reads weighted over writes)',
        querystring: RouteRankingQuery,
        response: { 200: RouteRanking, ...adminErrors },
      },
    },
    (request) => getRouteRanking(app.db, request.query),
  );

  app.get(
    '/analytics/routes/trends',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Requests, 5xx and p50/p95 per hour or day, for one route or the top routes',
        querystring: RouteTrendsQuery,
        response: { 200: RouteTrends, ...adminErrors },
      },
    },
    (request) => getRouteTrends(app.db, request.query),
  );

  app.get(
    '/analytics/routes/peak-hours',
    {
      config: admin,
      schema: {
        tags,
        summary: 'API requests per weekday and hour of day (UTC)',
        querystring: PeakHoursQuery,
        response: { 200: PeakHours, ...adminErrors },
      },
    },
    (request) => getPeakHours(app.db, request.query),
  );

  app.get(
    '/analytics/generation/overview',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Generation totals, success rate, duration percentiles and queue wait',
        querystring: AnalyticsDaysQuery,
        response: { 200: GenerationOverview, ...adminErrors },
      },
    },
    (request) => getGenerationOverview(app.db, request.query),
  );

  app.get(
    '/analytics/generation/trends',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Generation outcomes and duration p50/p95 per hour or day',
        querystring: GenerationTrendsQuery,
        response: { 200: GenerationTrends, ...adminErrors },
      },
    },
    (request) => getGenerationTrends(app.db, request.query),
  );

  app.get(
    '/analytics/generation/models',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Generation outcomes and durations per model (checkpoint)',
        querystring: AnalyticsDaysQuery,
        response: { 200: GenerationModels, ...adminErrors },
      },
    },
    (request) => getGenerationModels(app.db, request.query),
  );

  app.get(
    '/analytics/generation/failures',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Failed jobs grouped by error code, and the most recent failures',
        querystring: GenerationFailuresQuery,
        response: { 200: GenerationFailures, ...adminErrors },
      },
    },
    (request) => getGenerationFailures(app.db, request.query),
  );

  app.get(
    '/analytics/generation/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your own generation numbers: jobs, success rate, average duration, images',
        querystring: MyGenerationStatsQuery,
        response: { 200: MyGenerationStats, ...errorResponses(400, 401) },
      },
    },
    (request) => getMyGenerationStats(app.db, callerOf(request), request.query),
  );

  app.get(
    '/analytics/tags',
    {
      config: admin,
      schema: {
        tags,
        summary: 'How many tags have how many items (by decade), and the biggest tags',
        querystring: TagAnalyticsQuery,
        response: { 200: TagAnalytics, ...adminErrors },
      },
    },
    (request) => getTagAnalytics(app.db, request.query),
  );

  done();
};
