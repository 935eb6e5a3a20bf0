// Serves the built web app (WEB_DIST_DIR) with a history fallback: any GET outside /api, /docs and
// /openapi.json that is not a file gets index.html, so deep links work. Without a build, `/` leads to
// the API docs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const apiLike = /^\/(api|docs|openapi\.json)(\/|$|\?)/;

export const webPlugin = fp(async (app: FastifyInstance, opts: { distDir: string }) => {
  const root = path.resolve(opts.distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/docs'));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      // Hashed asset names never change; index.html must be revalidated so a deploy shows at once.
      const policy = file.endsWith('index.html')
        ? 'no-cache'
        : file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600';
      void reply.header('cache-control', policy);
    },
  });
  // GETs no route or file claims: the SPA's routes. API paths fall through to the JSON 404.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (apiLike.test(request.url)) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
});
