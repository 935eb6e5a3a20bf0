// The tag endpoints: reads here (public), the signed-in user's rating and favourite, and admin edits of
// the hierarchy in their own files, all registered through this one plugin.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AutocompleteQuery,
  errorResponses,
  PopularTags,
  PopularTagsQuery,
  RelatedTags,
  RelatedTagsQuery,
  TagDepthList,
  TagDepthQuery,
  TagDetail,
  TagHierarchy,
  TagIdOrSlugParams,
  TagIdParams,
  TagListQuery,
  TagPage,
  TagSuggestions,
} from '@genonaut/contracts';
import { tagAdminRoutes } from './tags-admin.routes';
import { tagViewerRoutes } from './tags-viewer.routes';
import {
  getHierarchy,
  getPopular,
  getRelated,
  getRelatives,
  getSuggestions,
  getTagDetail,
  listTags,
} from './tags.service';

export const tagsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Tags'];
  const deps = () => ({ db: app.db, hideThreshold: app.config.moderationHideThreshold });

  app.get(
    '/tags',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tags, searched by name or slug and sorted, a page at a time',
        querystring: TagListQuery,
        response: { 200: TagPage, ...errorResponses(400) },
      },
    },
    (request) => listTags(app.db, request.query),
  );

  app.get(
    '/tags/hierarchy',
    {
      config: { access: 'public', cache: 'tags', cacheForEveryone: true },
      schema: {
        tags,
        summary: 'Every tag with all its parent ids, child and content counts, and the root ids',
        response: { 200: TagHierarchy },
      },
    },
    () => getHierarchy(app.db),
  );

  app.get(
    '/tags/popular',
    {
      config: { access: 'public', cache: 'tags', cacheForEveryone: true },
      schema: {
        tags,
        summary: 'The most used tags, from the precomputed tag statistics',
        querystring: PopularTagsQuery,
        response: { 200: PopularTags, ...errorResponses(400) },
      },
    },
    (request) => getPopular(app.db, request.query),
  );

  app.get(
    '/tags/autocomplete',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tags whose name or slug starts with (first) or contains `q`',
        querystring: AutocompleteQuery,
        response: { 200: TagSuggestions, ...errorResponses(400) },
      },
    },
    (request) => getSuggestions(app.db, request.query),
  );

  app.get(
    '/tags/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A tag: parents, children, ancestor paths, counts, ratings and (signed in) your rating',
        params: TagIdOrSlugParams,
        response: { 200: TagDetail, ...errorResponses(400, 404) },
      },
    },
    (request) => getTagDetail(deps(), request.user, request.params.id),
  );

  app.get(
    '/tags/:id/ancestors',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every tag above this one, nearest first, with its depth',
        params: TagIdParams,
        querystring: TagDepthQuery,
        response: { 200: TagDepthList, ...errorResponses(400, 404) },
      },
    },
    (request) => getRelatives(app.db, request.params.id, 'up', request.query.maxDepth),
  );

  app.get(
    '/tags/:id/descendants',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every tag below this one, nearest first, with its depth',
        params: TagIdParams,
        querystring: TagDepthQuery,
        response: { 200: TagDepthList, ...errorResponses(400, 404) },
      },
    },
    (request) => getRelatives(app.db, request.params.id, 'down', request.query.maxDepth),
  );

  app.get(
    '/tags/:id/related',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tags that most often appear on the same public items as this one',
        params: TagIdParams,
        querystring: RelatedTagsQuery,
        response: { 200: RelatedTags, ...errorResponses(400, 404) },
      },
    },
    (request) => getRelated(deps(), request.params.id, request.query.limit ?? 10),
  );

  await app.register(tagViewerRoutes);
  await app.register(tagAdminRoutes);
};
