// The bookmark endpoints; categories and the public share link are in their own file, registered here.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Bookmark,
  BookmarkIdParams,
  BookmarkListQuery,
  BookmarkPage,
  CreateBookmarkBody,
  errorResponses,
  NoContent,
  SetBookmarkCategoriesBody,
  UpdateBookmarkBody,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { bookmarkCategoriesRoutes } from './bookmark-categories.routes';
import type { BookmarkDeps } from './bookmark-categories.service';
import {
  createBookmark,
  deleteBookmark,
  getBookmark,
  listBookmarks,
  setBookmarkCategories,
  updateBookmark,
} from './bookmarks.service';

export const bookmarksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Bookmarks'];
  const deps = (): BookmarkDeps => ({ db: app.db, hideThreshold: app.config.moderationHideThreshold });

  app.get(
    '/bookmarks',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your bookmarks with their items, pinned first, sorted and paged',
        querystring: BookmarkListQuery,
        response: { 200: BookmarkPage, ...errorResponses(400, 401) },
      },
    },
    (request) => listBookmarks(deps(), callerOf(request), request.query),
  );

  app.post(
    '/bookmarks',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Bookmark an item you may see, into the given categories or else Uncategorized',
        body: CreateBookmarkBody,
        response: { 201: Bookmark, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const bookmark = await createBookmark(deps(), callerOf(request), request.body);
      return reply.status(201).send(bookmark);
    },
  );

  app.get(
    '/bookmarks/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of your bookmarks with its item and categories',
        params: BookmarkIdParams,
        response: { 200: Bookmark, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => getBookmark(deps(), callerOf(request), request.params.id),
  );

  app.patch(
    '/bookmarks/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change the note or pin of one of your bookmarks',
        params: BookmarkIdParams,
        body: UpdateBookmarkBody,
        response: { 200: Bookmark, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => updateBookmark(deps(), callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/bookmarks/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remove one of your bookmarks (from every category)',
        params: BookmarkIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteBookmark(app.db, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/bookmarks/:id/categories',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set the categories of one of your bookmarks (move or copy; [] files it in Uncategorized)',
        params: BookmarkIdParams,
        body: SetBookmarkCategoriesBody,
        response: { 200: Bookmark, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => setBookmarkCategories(deps(), callerOf(request), request.params.id, request.body),
  );

  await app.register(bookmarkCategoriesRoutes);
};
