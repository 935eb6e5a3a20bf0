// buildApp(config): plugins and feature modules. It never listens; launchers and tests decide that.
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import { errorsPlugin } from './plugins/errors';
import { analyticsPlugin } from './plugins/analytics';
import { authPlugin } from './plugins/auth';
import { cacheVersionsPlugin } from './plugins/cache-versions';
import { infrastructurePlugin, type InfrastructureOptions } from './plugins/infrastructure';
import { realtimePlugin } from './plugins/realtime';
import { responseCachePlugin } from './plugins/response-cache';
import { securityPlugin, trustsProxy } from './plugins/security';
import { FrontDoor } from './lib/front-door';
import { swaggerPlugin } from './plugins/swagger';
import { queueDashboardPlugin } from './plugins/queue-dashboard';
import { webPlugin } from './plugins/web';
import { analyticsRoutes } from './modules/analytics/analytics.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { bookmarksRoutes } from './modules/bookmarks/bookmarks.routes';
import { galleryRoutes } from './modules/content/gallery.routes';
import { generationRoutes } from './modules/generation/generation.routes';
import { modelsRoutes } from './modules/models/models.routes';
import { moderationRoutes } from './modules/moderation/moderation.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { searchHistoryRoutes } from './modules/search-history/search-history.routes';
import { recommendationsRoutes } from './modules/recommendations/recommendations.routes';
import { contentItemsRoutes } from './modules/content/content-items.routes';
import { systemRoutes } from './modules/system/system.routes';
import { tagsRoutes } from './modules/tags/tags.routes';
import { usersRoutes } from './modules/users/users.routes';
import { version } from './version';

export interface BuildAppOptions extends Partial<Omit<InfrastructureOptions, 'config'>> {
  config: Config;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where plugins put what answers a request before the framework sees it. */
    frontDoor: FrontDoor;
  }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const frontDoor = new FrontDoor();
  const app = Fastify({
    serverFactory: frontDoor.serverFactory,
    logger: options.logger === false ? false : { level: config.logLevel },
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1_048_576,
    trustProxy: trustsProxy(config),
    // allErrors: a 400 lists every bad field at once (bodies are capped at 1 MB, so the cost is bounded).
    ajv: {
      customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('frontDoor', frontDoor);
  // Only JSON (and multipart, where an upload route registers it) may change state: a plain-text body is
  // what a cross-site <form> can send, so it is refused with 415.
  app.removeContentTypeParser('text/plain');
  await app.register(errorsPlugin);
  await app.register(infrastructurePlugin, { ...options, version: options.version ?? version });
  await app.register(cacheVersionsPlugin);
  await app.register(authPlugin);
  await app.register(securityPlugin);
  await app.register(responseCachePlugin);
  await app.register(analyticsPlugin);
  await app.register(swaggerPlugin, { version: options.version ?? version });
  // After auth, security and swagger: the WebSocket route needs their hooks (guard, rate limit, docs).
  await app.register(realtimePlugin);

  await app.register(
    async (api) => {
      await api.register(systemRoutes);
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(galleryRoutes);
      await api.register(generationRoutes);
      await api.register(modelsRoutes);
      await api.register(contentItemsRoutes);
      await api.register(tagsRoutes);
      await api.register(bookmarksRoutes);
      await api.register(notificationsRoutes);
      await api.register(searchHistoryRoutes);
      await api.register(moderationRoutes);
      await api.register(analyticsRoutes);
      await api.register(recommendationsRoutes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(queueDashboardPlugin);
  await app.register(webPlugin, { distDir: config.webDistDir });
  return app;
}
