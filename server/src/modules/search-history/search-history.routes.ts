// The signed-in user's search history: recorded by the web app when a gallery search is submitted.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  DeleteSearchQuery,
  errorResponses,
  NoContent,
  RecentSearches,
  RecentSearchesQuery,
  RecordSearchBody,
  SearchHistoryEntry,
  SearchHistoryPage,
  SearchHistoryQuery,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  clearHistory,
  forgetQuery,
  listHistory,
  recentSearches,
  recordSearch,
} from './search-history.service';

export const searchHistoryRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Search history'];

  app.get(
    '/search-history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your searches grouped by query, with how often and when last, most recent first',
        querystring: SearchHistoryQuery,
        response: { 200: SearchHistoryPage, ...errorResponses(400, 401) },
      },
    },
    (request) => listHistory(app.db, callerOf(request), request.query),
  );

  app.get(
    '/search-history/recent',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your most recent distinct searches (optionally those starting with `prefix`)',
        querystring: RecentSearchesQuery,
        response: { 200: RecentSearches, ...errorResponses(400, 401) },
      },
    },
    (request) => recentSearches(app.db, callerOf(request), request.query),
  );

  app.post(
    '/search-history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record a gallery search you made (the web app sends it when a search is submitted)',
        body: RecordSearchBody,
        response: { 201: SearchHistoryEntry, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const entry = await recordSearch(app.db, callerOf(request), request.body.query);
      return reply.status(201).send(entry);
    },
  );

  app.delete(
    '/search-history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Forget every use of one query',
        querystring: DeleteSearchQuery,
        response: { 204: NoContent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await forgetQuery(app.db, callerOf(request), request.query.query);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/search-history/all',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Clear your whole search history',
        response: { 204: NoContent, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await clearHistory(app.db, callerOf(request));
      return reply.status(204).send(null);
    },
  );

  done();
};
