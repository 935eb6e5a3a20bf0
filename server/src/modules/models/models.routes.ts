// The model catalogue and the image servers: what a user can pick on the generate page, and the admin's
// view of backend health and load.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  BackendList,
  CheckpointList,
  errorResponses,
  LoraPage,
  LoraQuery,
  ModelSyncResult,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import { backendStatus, listCheckpoints, listLoras, syncModelsAs } from './models.service';

export const modelsRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/models/checkpoints',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Models'],
        summary: 'Checkpoints: those an image server has first, then by rating and name',
        response: { 200: CheckpointList },
      },
    },
    () => listCheckpoints(app.db),
  );

  app.get(
    '/models/loras',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Models'],
        summary: 'LoRAs by rating, with compatibility and optimal flags for a checkpoint',
        querystring: LoraQuery,
        response: { 200: LoraPage, ...errorResponses(400) },
      },
    },
    (request) => listLoras(app.db, request.query),
  );

  app.post(
    '/models/sync',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Models'],
        summary: 'Read every image server’s models now and mark the catalogue',
        response: { 200: ModelSyncResult, ...errorResponses(401, 403) },
      },
    },
    (request) => syncModelsAs(app.db, app.backends, callerOf(request), request.ip),
  );

  app.get(
    '/comfyui/backends',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Admin'],
        summary: 'Image servers: health, queue length and active jobs',
        response: { 200: BackendList, ...errorResponses(401, 403) },
      },
    },
    () => backendStatus(app.db, app.backends),
  );

  done();
};
