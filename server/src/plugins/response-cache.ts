// SPEC §12: hot, shareable responses are cached in Redis (with a small in-process layer in front) and
// invalidated by version on writes. A route opts in with `config.cache = '<namespace>'`. Only GETs of a
// first page (no cursor, page 1) are shared, and only for anonymous callers unless the route says its
// answer is the same for everyone: a signed-in caller's gallery carries their own ratings, bookmarks and
// items. `Cache-Control: no-cache` asks for a fresh answer (the benchmark times uncached responses that
// way). `X-Cache` says hit, miss or bypass. A hit goes out compressed to clients that accept it: gzipped
// once the entry is (in the background, after it is stored), brotli once it has proved hot. Hits of the
// in-process layer on routes without path parameters, for anonymous callers, are answered in front of
// the framework (lib/front-door.ts) with what its hooks would have added: security and rate-limit
// headers, the request's analytics record and log line; anything else takes the hooks below.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { CacheNamespace } from '../lib/cache-versions';
import { ResponseCache, encodedBody, type CachedBody } from '../lib/response-cache';
import { SESSION_COOKIE } from './auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous answers of this GET route are shared through the response cache under this namespace. */
    cache?: CacheNamespace;
    /** The answer is the same for every caller (no viewer fields): signed-in callers share it too. */
    cacheForEveryone?: boolean;
  }
  interface FastifyRequest {
    /** Set on a cache miss: where the answer is stored once sent. */
    responseCacheKey?: string;
  }
}

/** The path with its query parameters in a fixed order, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function cacheKeyOf(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  params.sort();
  const query = params.toString();
  return query ? `${url.slice(0, at)}?${query}` : url.slice(0, at);
}

/** First pages only (SPEC §12): deeper pages are rarely asked twice and would crowd out the hot ones. */
function isFirstPage(query: unknown): boolean {
  const { cursor, page } = (query ?? {}) as { cursor?: unknown; page?: unknown };
  // Read before validation, so the page number may still be the query string's text.
  return cursor === undefined && (page === undefined || page === 1 || page === '1');
}

/** isFirstPage for a raw query string. */
function isFirstPageQuery(search: string): boolean {
  if (search === '') return true;
  const params = new URLSearchParams(search);
  const pages = params.getAll('page');
  return !params.has('cursor') && (pages.length === 0 || (pages.length === 1 && pages[0] === '1'));
}

/** Levels at which Fastify logs every request (as the front door then does for its answers). */
const REQUEST_LOG_LEVELS = new Set(['trace', 'debug', 'info']);

/** Whether a request's headers ask past the cache (directives are case-insensitive, RFC 9111 §5.2). */
const refusesCache = (cacheControl: string | undefined) => /no-cache|no-store/i.test(cacheControl ?? '');

export const responseCachePlugin = fp(async (app: FastifyInstance) => {
  const { config } = app;
  const versions = app.cacheVersions;
  if (config.responseCacheSeconds === 0 || !versions) return;
  const cache = new ResponseCache({
    redis: app.redis,
    keyPrefix: config.redisKeyPrefix,
    ttlSeconds: config.responseCacheSeconds,
  });

  /** The entry a request may be answered from, or undefined when its answer is not shared. */
  const keyOf = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const { cache: namespace, cacheForEveryone } = request.routeOptions.config;
    if (!namespace || request.method !== 'GET' || !isFirstPage(request.query)) return undefined;
    if (request.user && !cacheForEveryone) return undefined;
    const version = versions.current(namespace);
    if (version === undefined || refusesCache(request.headers['cache-control'])) {
      reply.header('x-cache', 'bypass');
      return undefined;
    }
    return `${namespace}:${version}:${cacheKeyOf(request.url)}`;
  };
  const hit = (request: FastifyRequest, reply: FastifyReply, cached: CachedBody) => {
    void reply
      .header('x-cache', 'hit')
      .header('vary', 'accept-encoding')
      .type('application/json; charset=utf-8');
    const { bytes, coding } = encodedBody(cached, request.headers['accept-encoding']);
    if (coding) void reply.header('content-encoding', coding);
    return reply.send(bytes);
  };

  // A hit is answered in onRequest, after the caller and the rate limit (the hooks registered before)
  // and before anything else: only answers to valid queries were stored, so validation has nothing
  // to add. The in-process layer answers without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const key = keyOf(request, reply);
    if (key === undefined) return done();
    const local = cache.peek(key);
    if (local) {
      hit(request, reply, local);
      return;
    }
    cache.get(key).then((cached) => {
      if (cached) {
        hit(request, reply, cached);
        return;
      }
      reply.header('x-cache', 'miss');
      request.responseCacheKey = key;
      done();
    }, done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.responseCacheKey && reply.statusCode === 200 && typeof payload === 'string') {
      cache.set(request.responseCacheKey, Buffer.from(payload));
    }
    done(null, payload);
  });

  // In front of the framework: the cached routes without path parameters, by path.
  const staticRoutes = new Map<string, CacheNamespace>();
  app.addHook('onRoute', (route) => {
    const namespace = route.config?.cache;
    if (namespace && !route.url.includes(':') && !route.url.includes('*'))
      staticRoutes.set(route.url, namespace);
  });
  // What a raw URL is shared as (null: not at all), remembered for the URLs asked most.
  const sharedUrls = new Map<string, { namespace: CacheNamespace; path: string; key: string } | null>();
  const sharedAs = (url: string) => {
    let shared = sharedUrls.get(url);
    if (shared !== undefined) return shared;
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    const namespace = staticRoutes.get(path);
    shared =
      namespace && isFirstPageQuery(at < 0 ? '' : url.slice(at + 1))
        ? { namespace, path, key: cacheKeyOf(url) }
        : null;
    if (sharedUrls.size >= 1_000) sharedUrls.clear();
    sharedUrls.set(url, shared);
    return shared;
  };
  let answered = 0;
  app.frontDoor.use((raw: IncomingMessage, response: ServerResponse) => {
    const { headers } = raw;
    if (raw.method !== 'GET' || headers.authorization !== undefined || headers.upgrade !== undefined)
      return false;
    if (headers.cookie?.includes(`${SESSION_COOKIE}=`) || refusesCache(headers['cache-control']))
      return false;
    const url = raw.url ?? '';
    const shared = sharedAs(url);
    if (!shared) return false;
    const version = versions.current(shared.namespace);
    const cached =
      version === undefined ? undefined : cache.peek(`${shared.namespace}:${version}:${shared.key}`);
    if (!cached) return false;
    const startedAt = performance.now();
    const gate = app.anonymousApiHeaders(raw);
    if (!gate) return false;
    const { bytes, coding } = encodedBody(cached, headers['accept-encoding']);
    gate.push('x-cache', 'hit', 'vary', 'accept-encoding', 'content-type', 'application/json; charset=utf-8');
    if (coding) gate.push('content-encoding', coding);
    gate.push('content-length', bytes.length);
    response.writeHead(200, gate);
    response.end(bytes);
    const durationMs = performance.now() - startedAt;
    app.requestRecorder?.record({
      route: shared.path,
      method: 'GET',
      status: 200,
      durationMs,
      userId: null,
      at: Date.now(),
    });
    if (REQUEST_LOG_LEVELS.has(app.log.level)) {
      answered += 1;
      app.log.info(
        {
          reqId: `cache-hit-${answered}`,
          req: { method: 'GET', url, remoteAddress: raw.socket.remoteAddress },
          res: { statusCode: 200 },
          responseTime: durationMs,
        },
        'request answered from the in-process response cache',
      );
    }
    return true;
  });
});
