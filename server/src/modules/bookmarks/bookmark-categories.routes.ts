// Bookmark categories of the signed-in user, a category's bookmarks, and the public share link.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BookmarkCategory,
  BookmarkCategoryList,
  BookmarkListQuery,
  BookmarkPage,
  CategoryIdParams,
  CreateCategoryBody,
  DeleteCategoryQuery,
  errorResponses,
  NoContent,
  SharedCategory,
  SharedCategoryParams,
  SharedCategoryQuery,
  UpdateCategoryBody,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  createCategory,
  deleteCategory,
  getCategory,
  listCategories,
  updateCategory,
  type BookmarkDeps,
} from './bookmark-categories.service';
import { getSharedCategory, listBookmarks } from './bookmarks.service';

export const bookmarkCategoriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Bookmarks'];
  const deps = (): BookmarkDeps => ({ db: app.db, hideThreshold: app.config.moderationHideThreshold });

  app.get(
    '/bookmark-categories',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'All your categories (Uncategorized first) with their bookmark counts',
        response: { 200: BookmarkCategoryList, ...errorResponses(401) },
      },
    },
    (request) => listCategories(app.db, callerOf(request)),
  );

  app.post(
    '/bookmark-categories',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a category, optionally inside another of yours and public (with a share link)',
        body: CreateCategoryBody,
        response: { 201: BookmarkCategory, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const category = await createCategory(deps(), callerOf(request), request.body);
      return reply.status(201).send(category);
    },
  );

  app.get(
    '/bookmark-categories/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of your categories',
        params: CategoryIdParams,
        response: { 200: BookmarkCategory, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => getCategory(app.db, callerOf(request), request.params.id),
  );

  app.patch(
    '/bookmark-categories/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change, move, reorder, publish or unpublish one of your categories',
        params: CategoryIdParams,
        body: UpdateCategoryBody,
        response: { 200: BookmarkCategory, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => updateCategory(deps(), callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/bookmark-categories/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a category; its bookmarks move to `moveTo` (default Uncategorized) or are deleted',
        params: CategoryIdParams,
        querystring: DeleteCategoryQuery,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteCategory(app.db, callerOf(request), request.params.id, request.query);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/bookmark-categories/:id/bookmarks',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The bookmarks of one of your categories, pinned first, sorted and paged',
        params: CategoryIdParams,
        querystring: BookmarkListQuery,
        response: { 200: BookmarkPage, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => listBookmarks(deps(), callerOf(request), request.query, request.params.id),
  );

  app.get(
    '/shared/categories/:shareToken',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A public category through its share link: its items everyone may see, read-only',
        params: SharedCategoryParams,
        querystring: SharedCategoryQuery,
        response: { 200: SharedCategory, ...errorResponses(400, 404) },
      },
    },
    (request) => getSharedCategory(deps(), request.user, request.params.shareToken, request.query),
  );
};
