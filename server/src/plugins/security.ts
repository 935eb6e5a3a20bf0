// Security headers (a CSP that fits the SPA), CORS for configured origins only, the general API rate
// limit (shared through Redis, lib/shared-rate-limit.ts), and the same-origin rule for cookie-authenticated state changes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import proxyAddr from '@fastify/proxy-addr';
import cors from '@fastify/cors';
import helmet from 'helmet';
import { DomainError } from '../errors';
import { SharedRateLimit, type RateLimitState } from '../lib/shared-rate-limit';
import { SESSION_COOKIE } from './auth';
import type { Config } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * For an anonymous GET of the API answered outside the framework (lib/front-door.ts): what these
     * hooks would do to it (the general rate limit counted, the security headers), as a flat header
     * list, or undefined when it must go through the framework (CORS to answer, a limit that needs
     * Redis's count or refuses it).
     */
    anonymousApiHeaders(request: IncomingMessage): (string | number)[] | undefined;
  }
}

/** Behind a load balancer in production: the caller's address is the first of X-Forwarded-For. */
export const trustsProxy = (config: Config): boolean => config.env === 'production';

/** Methods that change nothing, so the same-origin rule leaves them alone. */
export const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

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
  // API answers are JSON and images, never rendered as documents: they get the headers that matter for
  // them (no sniffing, no framing, no loading by other sites, nothing to run) and not the document
  // policies above, which cost every answer a kilobyte of headers.
  const apiHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-site',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
  const hsts = securityHeaders['Strict-Transport-Security'];
  if (hsts) apiHeaders['strict-transport-security'] = hsts;
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/') ? apiHeaders : securityHeaders);
    done();
  });

  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });

  // The general API limit, per user when signed in, else per address. Auth's onRequest hook has run.
  const limit = new SharedRateLimit({
    redis: app.redis,
    keyPrefix: `${config.redisKeyPrefix}:rl:general:`,
    max: config.rateLimitGeneralPerMin,
    windowMs: 60_000,
  });
  app.addHook('onClose', () => limit.close());
  const { max } = limit.options;
  const rateHeaders = (state: RateLimitState) => ({
    'x-ratelimit-limit': max,
    'x-ratelimit-remaining': Math.max(0, max - state.count),
    'x-ratelimit-reset': Math.ceil(state.resetMs / 1000),
  });
  const answer = (reply: FastifyReply, state: RateLimitState | undefined, done: HookHandlerDoneFunction) => {
    if (!state) return done();
    const headers = rateHeaders(state);
    const resetSeconds = headers['x-ratelimit-reset'];
    void reply.headers(headers);
    if (state.count <= max) return done();
    done(
      new DomainError(
        'rate_limited',
        `Too many requests; try again in ${resetSeconds} s`,
        undefined,
        resetSeconds,
      ),
    );
  };
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const state = limit.hit(request.user ? `user:${request.user.id}` : `ip:${request.ip}`);
    if (state instanceof Promise) {
      state.then((s) => answer(reply, s, done), done);
    } else {
      answer(reply, state, done);
    }
  });

  // The same address Fastify's request.ip gives (trustProxy: true trusts every hop).
  const callerAddress = trustsProxy(config)
    ? (raw: IncomingMessage) => {
        const addresses = proxyAddr.all(raw, () => true);
        return addresses[addresses.length - 1];
      }
    : (raw: IncomingMessage) => raw.socket.remoteAddress;
  const apiHeaderList = Object.entries(apiHeaders).flat();
  app.decorate('anonymousApiHeaders', (raw: IncomingMessage) => {
    if (config.corsOrigins.length > 0 && raw.headers.origin !== undefined) return undefined;
    const state = limit.hitLocally(`ip:${callerAddress(raw)}`);
    if (!state) return undefined;
    return [
      ...apiHeaderList,
      'x-ratelimit-limit',
      max,
      'x-ratelimit-remaining',
      Math.max(0, max - state.count),
      'x-ratelimit-reset',
      Math.ceil(state.resetMs / 1000),
    ];
  });

  app.addHook('preValidation', (request, _reply, done) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return done();
    // Bearer-token requests carry no ambient credentials, so cross-site forgery cannot use them.
    if (!request.cookies[SESSION_COOKIE] || request.user?.via === 'token') return done();
    const origin = request.headers.origin;
    if (!origin || !isAllowedOrigin(request, origin, config.publicUrl, config.corsOrigins)) {
      return done(
        new DomainError('forbidden', 'Cross-origin request refused: send a same-origin Origin header'),
      );
    }
    done();
  });
});
