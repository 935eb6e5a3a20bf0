// One content item: upload (multipart), read, edit, delete. The image, rating, interaction and similar
// routes are registered from here too, so the app registers the item endpoints with one line.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ContentDetail,
  ContentIdParams,
  CreateContentForm,
  errorResponses,
  NoContent,
  UpdateContentBody,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { contentEngagementRoutes } from './content-engagement.routes';
import { contentImagesRoutes } from './content-images.routes';
import {
  createContent,
  deleteContentItem,
  getContent,
  updateContent,
  type ContentDeps,
} from './content-items.service';
import { readCreateContentForm } from './content-upload';

function contentDeps(app: FastifyInstance, request: FastifyRequest): ContentDeps {
  return {
    db: app.db,
    storage: app.storage,
    hideThreshold: app.config.moderationHideThreshold,
    requestCleanup: () => app.queues.nudge('maintenance', 'cleanup', {}),
    warn: (message) => request.log.warn(message),
  };
}

export const contentItemsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['Content'];
  // Registered here, not app-wide: only the upload route accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: app.config.uploadMaxBytes, files: 1 },
    throwFileSizeLimit: true,
  });
  app.post(
    '/content',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Upload an image as a new item of yours (multipart/form-data)',
        description:
          'The image goes in `file`; `tags` is a comma list of tag slugs. Answers 413 past the upload limit.',
        body: { content: { 'multipart/form-data': { schema: CreateContentForm } } },
        response: { 201: ContentDetail, ...errorResponses(400, 401, 403, 413, 415, 503) },
      },
      // The form is read and checked against the same schema in the handler, after the caller is known;
      // Fastify's validator would run before the multipart stream is read.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const form = await readCreateContentForm(request, app.config.uploadMaxBytes);
      return reply.status(201).send(await createContent(contentDeps(app, request), caller, form));
    },
  );

  app.get(
    '/content/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One item with its tags and every generation parameter',
        params: ContentIdParams,
        response: { 200: ContentDetail, ...errorResponses(400, 404) },
      },
    },
    (request) => getContent(contentDeps(app, request), request.user, request.params.id),
  );

  app.patch(
    '/content/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change the title, privacy or tags of your item (the prompt cannot change)',
        params: ContentIdParams,
        body: UpdateContentBody,
        response: { 200: ContentDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) =>
      updateContent(
        contentDeps(app, request),
        callerOf(request),
        request.params.id,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    '/content/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete your item (admins: any item); its files are removed in the background',
        params: ContentIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteContentItem(contentDeps(app, request), callerOf(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  await app.register(contentImagesRoutes);
  await app.register(contentEngagementRoutes);
};
