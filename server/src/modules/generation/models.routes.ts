// The model catalogue and the image servers: what a user can pick on the generate page, and the admin's
// view of backend health and load.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import {
  BackendList,
  CheckpointList,
  errorResponses,
  LoraPage,
  LoraQuery,
  ModelSyncResult,
} from '@genonaut/contracts';
import { syncModels } from './model-sync';
import { numberedPagination } from '../../lib/numbered-page';

export const modelsRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/models/checkpoints',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Models'],
        summary: 'Checkpoints, available ones first',
        response: { 200: CheckpointList },
      },
    },
    async () => {
      const rows = await app.db
        .selectFrom('models_checkpoints')
        .selectAll()
        .orderBy('is_available', 'desc')
        .orderBy('rating', 'desc')
        .orderBy('name')
        .execute();
      return {
        items: rows.map((r) => ({
          filename: r.filename,
          name: r.name,
          architecture: r.architecture,
          family: r.family,
          description: r.description,
          rating: r.rating,
          tags: r.tags,
          isAvailable: r.is_available,
          availableOn: r.available_on,
        })),
      };
    },
  );

  app.get(
    '/models/loras',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Models'],
        summary: 'LoRAs with compatibility and optimal flags for a checkpoint',
        querystring: LoraQuery,
        response: { 200: LoraPage, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { checkpoint, compatibleOnly, q } = request.query;
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 50;
      const base = checkpoint
        ? await app.db
            .selectFrom('models_checkpoints')
            .select('architecture')
            .where('filename', '=', checkpoint)
            .executeTakeFirst()
        : undefined;
      let query = app.db.selectFrom('models_loras');
      if (q)
        query = query.where((eb) =>
          eb.or([
            eb('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
            eb('filename', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
          ]),
        );
      if (checkpoint && compatibleOnly)
        query = query.where(sql<boolean>`${base?.architecture ?? ''} = ANY(compatible_architectures)`);
      const [rows, total] = await Promise.all([
        query
          .selectAll()
          .orderBy('rating', 'desc')
          .orderBy('name')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const stem = checkpoint?.replace(/\.[a-z0-9]+$/i, '');
      return {
        items: rows.map((r) => ({
          filename: r.filename,
          name: r.name,
          compatibleArchitectures: r.compatible_architectures,
          description: r.description,
          rating: r.rating,
          tags: r.tags,
          triggerWords: r.trigger_words,
          optimalCheckpoints: r.optimal_checkpoints,
          recommendedStrength: r.recommended_strength,
          isAvailable: r.is_available,
          availableOn: r.available_on,
          ...(checkpoint
            ? {
                isCompatible: base !== undefined && r.compatible_architectures.includes(base.architecture),
                isOptimal: r.optimal_checkpoints.some(
                  (c) => c === checkpoint || c.replace(/\.[a-z0-9]+$/i, '') === stem,
                ),
              }
            : {}),
        })),
        pagination: numberedPagination(page, pageSize, Number(total.n)),
      };
    },
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
    () => syncModels(app.db, app.backends),
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
    async () => {
      const [status, active] = await Promise.all([
        app.backends.status(),
        app.db
          .selectFrom('generation_jobs')
          .select(['backend', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', 'in', ['queued', 'running'])
          .groupBy('backend')
          .execute(),
      ]);
      return {
        items: status.map((s) => ({
          name: s.name,
          url: s.url,
          healthy: s.healthy,
          queueLength: s.queueLength,
          activeJobs: Number(active.find((a) => a.backend === s.name)?.n ?? 0),
        })),
      };
    },
  );

  done();
};
