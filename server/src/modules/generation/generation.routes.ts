import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  CreateJobBody,
  errorResponses,
  GenerationJob,
  JobIdParams,
  JobPage,
  JobQuery,
  NoContent,
  QueueInfo,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  cancelJob,
  deleteJob,
  getJob,
  listOwnJobs,
  queueInfo,
  retryJob,
  submitJob,
  type GenerationDeps,
} from './generation.service';

export const generationRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const deps = (): GenerationDeps => ({
    db: app.db,
    redis: app.redis,
    config: app.config,
    queues: app.queues,
    backends: app.backends,
  });
  const tags = ['Generation'];

  app.post(
    '/generation-jobs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Queue a text-to-image job (202 with the job; the resolved seed is stored)',
        body: CreateJobBody,
        response: { 202: GenerationJob, ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await submitJob(deps(), callerOf(request), request.body)),
  );

  app.get(
    '/generation-jobs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your jobs, newest first',
        querystring: JobQuery,
        response: { 200: JobPage, ...errorResponses(400, 401) },
      },
    },
    (request) => listOwnJobs(app.db, callerOf(request), request.query),
  );

  app.get(
    '/generation-jobs/queue',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Waiting and active counts, and where your jobs stand',
        response: { 200: QueueInfo, ...errorResponses(401, 503) },
      },
    },
    (request) => queueInfo(deps(), callerOf(request)),
  );

  app.get(
    '/generation-jobs/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of your jobs',
        params: JobIdParams,
        response: { 200: GenerationJob, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => getJob(app.db, callerOf(request), request.params.id),
  );

  app.post(
    '/generation-jobs/:id/cancel',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Cancel a queued or running job (it leaves the image server’s queue too)',
        params: JobIdParams,
        response: { 200: GenerationJob, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => cancelJob(deps(), callerOf(request), request.params.id),
  );

  app.post(
    '/generation-jobs/:id/retry',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Queue a failed or cancelled job again (same id, attempt counter kept)',
        params: JobIdParams,
        response: { 200: GenerationJob, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    (request) => retryJob(deps(), callerOf(request), request.params.id),
  );

  app.delete(
    '/generation-jobs/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a finished, failed or cancelled job (its images stay in the gallery)',
        params: JobIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteJob(app.db, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  done();
};
