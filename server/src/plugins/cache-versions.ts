// The versions of the cached namespaces (lib/cache-versions.ts), one listener per API process, shared by
// the response cache and the caller cache. Null when neither cache is on or there is no database.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CacheVersions } from '../lib/cache-versions';

declare module 'fastify' {
  interface FastifyInstance {
    cacheVersions: CacheVersions | null;
  }
}

export const cacheVersionsPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app;
  const wanted = config.responseCacheSeconds > 0 || config.callerCacheEntries > 0;
  if (!wanted || !config.databaseUrl) {
    app.decorate('cacheVersions', null);
    return;
  }
  const versions = new CacheVersions({
    databaseUrl: config.databaseUrl,
    onProblem: (message) => app.log.warn(message),
  });
  await versions.start();
  app.decorate('cacheVersions', versions);
  app.addHook('onClose', () => versions.close());
});
