// Security headers (a CSP that fits the SPA), CORS for configured origins only, the general API rate
// limit in Redis, and the same-origin rule for cookie-authenticated state changes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '../errors';
import { SESSION_COOKIE } from './auth';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origins a cookie-carrying state change may come from: the app's own (public URL and Host) and CORS ones. */
export function isAllowedOrigin(
  request: FastifyRequest,
  origin: string,
  publicUrl: string,
  corsOrigins: string[],
): boolean {
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`, ...corsOrigins]);
  return own.has(origin);
}

/** The headers a helmet middleware sets, collected from one run against a stand-in response. */
function staticHeaders(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

export const securityPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app;
  // Helmet's headers do not depend on the request, so they are worked out once and set in one call
  // (the Fastify wrapper rebuilt the middleware, parsing the CSP again, on every request).
  const securityHeaders = staticHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      // Images are served to other origins' <img> tags only through the API, by id.
      crossOriginResourcePolicy: { policy: 'same-site' },
      hsts: config.env === 'production',
    }),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });

  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitGeneralPerMin,
    timeWindow: 60_000,
    redis: app.redis,
    nameSpace: `${config.redisKeyPrefix}:rl:general:`,
    // A Redis outage must not turn every read into an error: the limit is then not enforced.
    skipOnError: true,
    keyGenerator: (request) => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`),
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
        undefined,
        Math.ceil(context.ttl / 1000),
      ),
  });

  app.addHook('preValidation', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    // Bearer-token requests carry no ambient credentials, so cross-site forgery cannot use them.
    if (!request.cookies[SESSION_COOKIE] || request.user?.via === 'token') return;
    const origin = request.headers.origin;
    if (!origin || !isAllowedOrigin(request, origin, config.publicUrl, config.corsOrigins)) {
      throw new DomainError('forbidden', 'Cross-origin request refused: send a same-origin Origin header');
    }
  });
});
