import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, GlobalStatsResponse, HealthResponse } from '@genonaut/contracts';
import { getGlobalStats, getHealth } from './system.service';

export const systemRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['System'],
        summary: 'Status of the API and its dependencies',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      const health = await getHealth({
        db: app.db,
        redis: app.redis,
        version: app.appVersion,
        comfyui: app.config.comfyuiUrls ?? [],
      });
      return reply.status(health.status === 'down' ? 503 : 200).send(health);
    },
  );

  app.get(
    '/stats/global',
    {
      config: { access: 'public' },
      schema: {
        tags: ['System'],
        summary: 'Site-wide counts',
        response: { 200: GlobalStatsResponse, 504: ErrorResponse },
      },
    },
    () => getGlobalStats(app.db),
  );
  done();
};
