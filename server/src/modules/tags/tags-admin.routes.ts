// Admin edits of tags and the hierarchy; each is audited by the service.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  CreateTagBody,
  errorResponses,
  NoContent,
  SetTagParentsBody,
  TagDetail,
  TagIdParams,
  UpdateTagBody,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { createTag, editTag, removeTag, setParents } from './tags-admin.service';

export const tagAdminRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Tags', 'Admin'];
  const deps = () => ({ db: app.db, hideThreshold: app.config.moderationHideThreshold });

  app.post(
    '/tags',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a tag (the slug is derived from the name unless given) under the given parents',
        body: CreateTagBody,
        response: { 201: TagDetail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTag(deps(), callerOf(request), request.body, request.ip)),
  );

  app.patch(
    '/tags/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename a tag or change its description (the slug, and so the id, never change)',
        params: TagIdParams,
        body: UpdateTagBody,
        response: { 200: TagDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => editTag(deps(), callerOf(request), request.params.id, request.body, request.ip),
  );

  app.delete(
    '/tags/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete a tag; its children keep their other parents or become roots',
        params: TagIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeTag(app.db, callerOf(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/tags/:id/parents',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Replace the parents of a tag in one step (409 if that would make a cycle)',
        params: TagIdParams,
        body: SetTagParentsBody,
        response: { 200: TagDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => setParents(deps(), callerOf(request), request.params.id, request.body.parentIds, request.ip),
  );

  done();
};
