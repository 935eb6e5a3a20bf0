// Admin moderation endpoints (SPEC §3.1 "Moderation (admin)"): the flagged-content queue, reviews, bulk
// reviews, stats, the rescan job and the flag-word list.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  BulkReviewBody,
  BulkReviewResult,
  errorResponses,
  FlaggedItemDetail,
  FlaggedPage,
  FlaggedQuery,
  FlagIdParams,
  FlagWordList,
  FlagWordsBody,
  ModerationStats,
  ReviewBody,
  ReviewResult,
  ScanProgress,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { SCAN_JOB } from './moderation-scan';
import {
  bulkReviewFlaggedContent,
  getFlaggedContent,
  getFlagWords,
  listFlaggedContent,
  moderationStats,
  putFlagWords,
  reviewFlaggedContent,
  scanProgress,
  startScan,
  type ModerationDeps,
} from './moderation.service';

function moderationDeps(app: FastifyInstance): ModerationDeps {
  return {
    db: app.db,
    redis: app.redis,
    redisKeyPrefix: app.config.redisKeyPrefix,
    hideThreshold: app.config.moderationHideThreshold,
    requestCleanup: () => app.queues.nudge('maintenance', 'cleanup', {}),
    queueScan: () => app.queues.nudge('moderation', SCAN_JOB, {}),
  };
}

export const moderationRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Moderation'];
  const config = { access: 'admin' as const };

  app.get(
    '/admin/flagged-content',
    {
      config,
      schema: {
        tags,
        summary: 'The review queue: flagged items with their content, filtered, sorted and paged',
        querystring: FlaggedQuery,
        response: { 200: FlaggedPage, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => listFlaggedContent(app.db, request.query),
  );

  app.get(
    '/admin/flagged-content/stats',
    {
      config,
      schema: {
        tags,
        summary: 'Counts by status and a histogram of risk scores',
        response: { 200: ModerationStats, ...errorResponses(401, 403) },
      },
    },
    () => moderationStats(moderationDeps(app)),
  );

  app.get(
    '/admin/flagged-content/scan',
    {
      config,
      schema: {
        tags,
        summary: 'Progress of the latest rescan of all content',
        response: { 200: ScanProgress, ...errorResponses(401, 403) },
      },
    },
    () => scanProgress(moderationDeps(app)),
  );

  app.post(
    '/admin/flagged-content/scan',
    {
      config,
      schema: {
        tags,
        summary: 'Rescan all content against the flag words in the background (409 while one runs)',
        description:
          'Admin decisions on unchanged text are kept. Poll `GET /admin/flagged-content/scan` for progress.',
        response: { 202: ScanProgress, ...errorResponses(401, 403, 409, 503) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startScan(moderationDeps(app), callerOf(request), request.ip)),
  );

  app.post(
    '/admin/flagged-content/bulk',
    {
      config,
      schema: {
        tags,
        summary: 'Approve or remove several flagged items at once (all or nothing)',
        body: BulkReviewBody,
        response: { 200: BulkReviewResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => bulkReviewFlaggedContent(moderationDeps(app), callerOf(request), request.body, request.ip),
  );

  app.get(
    '/admin/flagged-content/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One flagged item with its text highlighted and the risk broken down',
        params: FlagIdParams,
        response: { 200: FlaggedItemDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => getFlaggedContent(moderationDeps(app), request.params.id),
  );

  app.post(
    '/admin/flagged-content/:id/review',
    {
      config,
      schema: {
        tags,
        summary: 'Approve (the item becomes visible) or remove (the item is deleted) a flagged item',
        params: FlagIdParams,
        body: ReviewBody,
        response: { 200: ReviewResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      reviewFlaggedContent(
        moderationDeps(app),
        callerOf(request),
        request.params.id,
        request.body,
        request.ip,
      ),
  );

  app.get(
    '/admin/flag-words',
    {
      config,
      schema: {
        tags,
        summary: 'The words prompts and titles are checked against',
        response: { 200: FlagWordList, ...errorResponses(401, 403) },
      },
    },
    () => getFlagWords(app.db),
  );

  app.put(
    '/admin/flag-words',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the flag-word list (lower case, no spaces, 1–100 characters; repeats dropped)',
        description: 'Existing content is checked against the new list by the next rescan.',
        body: FlagWordsBody,
        response: { 200: FlagWordList, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => putFlagWords(app.db, callerOf(request), request.body.words, request.ip),
  );

  done();
};
