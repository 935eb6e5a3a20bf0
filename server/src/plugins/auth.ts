// One auth plugin: every request gets its caller (`request.user`, or null) from the session cookie or a
// Bearer API token. Every /api route must declare `config.access` ('public' | 'user' | 'admin'); the
// guard follows from it, so a route cannot be added without deciding who may call it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { DomainError } from '../errors';
import { hashToken, markUsedIfDue, ownerOfTokenHash, type TokenOwner } from '../modules/auth/api-tokens';
import { CallerCache } from '../modules/auth/caller-cache';
import { SessionStore } from '../modules/auth/session-store';
import { findUserById } from '../modules/users/users.repository';

export type Access = 'public' | 'user' | 'admin';

export interface AuthUser {
  id: string;
  username: string;
  role: 'user' | 'admin';
  via: 'session' | 'token';
  sessionId?: string;
}

export const SESSION_COOKIE = 'genonaut_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * Also accept the API token as `?token=`. Only for routes a browser cannot send headers to (the
     * WebSocket), since URLs end up in logs and histories.
     */
    queryToken?: boolean;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    /** Set when the session could not be read because Redis is down. */
    authUnavailable: boolean;
  }
  interface FastifyInstance {
    sessions: SessionStore;
    routeAccess: { method: string; url: string; access: Access }[];
    startSession(reply: FastifyReply, user: { id: string }, request: FastifyRequest): Promise<string>;
    endSession(reply: FastifyReply, request: FastifyRequest): Promise<void>;
    /** The callers kept in memory (modules/auth/caller-cache.ts). */
    callers: {
      /** A route changed a token or a user's name, role or activity: callers read before are re-read. */
      changed(): void;
      /** Requests whose caller came from memory since the start. */
      hits(): number;
    };
  }
}

const unauthenticated = () => new DomainError('unauthenticated', 'Sign in to do this');
const bearerPattern = /^Bearer\s+(\S+)$/i;

/** The API token a request authenticates with: the Bearer header, or `?token=` where the route allows it. */
export function apiTokenOf(request: FastifyRequest): string | undefined {
  const bearer = bearerPattern.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  if (!request.routeOptions.config.queryToken) return undefined;
  const { token } = request.query as { token?: unknown };
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  const ttlSeconds = app.config.sessionTtlDays * 86_400;
  await app.register(cookie);
  app.decorate('sessions', new SessionStore(app.redis, app.config.redisKeyPrefix, ttlSeconds));
  app.decorate('routeAccess', []);
  app.decorateRequest('user', null);
  app.decorateRequest('authUnavailable', false);

  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.cookieSecure,
    maxAge: ttlSeconds,
  };

  app.decorate('startSession', async (reply: FastifyReply, user: { id: string }, request: FastifyRequest) => {
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await app.sessions.destroy(previous);
    const sessionId = await app.sessions.create({
      userId: user.id,
      createdAt: new Date().toISOString(),
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 200),
    });
    void reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions);
    return sessionId;
  });

  app.decorate('endSession', async (reply: FastifyReply, request: FastifyRequest) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await app.sessions.destroy(sessionId, request.user?.id);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  const COOKIE_RENEW_MS = 86_400_000;

  // Token owners and session users kept in memory (modules/auth/caller-cache.ts), when that is on.
  const { cacheVersions } = app;
  const entries = app.config.callerCacheEntries;
  type SessionUser = Pick<
    NonNullable<Awaited<ReturnType<typeof findUserById>>>,
    'id' | 'username' | 'role' | 'is_active'
  >;
  const caching = cacheVersions !== null && entries > 0;
  const tokenOwners = caching ? new CallerCache<TokenOwner>(cacheVersions, entries) : null;
  const sessionUsers = caching ? new CallerCache<SessionUser>(cacheVersions, entries) : null;
  app.decorate('callers', {
    changed: () => {
      tokenOwners?.changed();
      sessionUsers?.changed();
    },
    hits: () => (tokenOwners?.hits ?? 0) + (sessionUsers?.hits ?? 0),
  });

  async function tokenOwner(token: string): Promise<TokenOwner | null> {
    const key = hashToken(token);
    const cached = tokenOwners?.get(key);
    if (cached) {
      await markUsedIfDue(app.db, cached);
      return cached;
    }
    const stamp = tokenOwners?.stamp();
    const owner = await ownerOfTokenHash(app.db, key);
    if (owner) tokenOwners?.set(key, owner, stamp);
    return owner;
  }

  async function sessionUser(userId: string): Promise<SessionUser | undefined> {
    const cached = sessionUsers?.get(userId);
    if (cached) return cached;
    const stamp = sessionUsers?.stamp();
    const row = await findUserById(app.db, userId);
    if (!row) return undefined;
    const user = { id: row.id, username: row.username, role: row.role, is_active: row.is_active };
    sessionUsers?.set(userId, user, stamp);
    return user;
  }

  async function identify(request: FastifyRequest, reply: FastifyReply): Promise<AuthUser | null> {
    const bearer = apiTokenOf(request);
    if (bearer) {
      const owner = await tokenOwner(bearer);
      if (!owner) throw new DomainError('unauthenticated', 'The API token is invalid or revoked');
      return {
        id: owner.id,
        username: owner.username,
        role: owner.role === 'admin' ? 'admin' : 'user',
        via: 'token',
      };
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return null;
    let session;
    try {
      session = await app.sessions.touch(sessionId);
    } catch {
      request.authUnavailable = true;
      return null;
    }
    if (!session) return null;
    const user = await sessionUser(session.userId);
    if (!user || !user.is_active) return null;
    // The Redis expiry slides on every request; the browser's cookie gets a fresh Max-Age once a day.
    const renewedAt = Date.parse(session.cookieRenewedAt ?? session.createdAt);
    if (!(Date.now() - renewedAt < COOKIE_RENEW_MS)) {
      await app.sessions.markCookieRenewed(sessionId, session);
      void reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions);
    }
    return {
      id: user.id,
      username: user.username,
      role: user.role === 'admin' ? 'admin' : 'user',
      via: 'session',
      sessionId,
    };
  }

  app.addHook('onRequest', (request, reply, done) => {
    // The API and the admin-only queue dashboard need the caller; static files and docs do not.
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/admin/')) return done();
    // Neither a token nor a session cookie: anonymous, with nothing to look up (and no promise).
    if (
      !request.headers.authorization &&
      !request.cookies[SESSION_COOKIE] &&
      !request.routeOptions.config.queryToken
    ) {
      request.user = null;
      return done();
    }
    identify(request, reply).then((user) => {
      request.user = user;
      done();
    }, done);
  });

  const guards: Record<Exclude<Access, 'public'>, (request: FastifyRequest) => Promise<void>> = {
    user: async (request) => {
      if (request.user) return;
      if (request.authUnavailable)
        throw new DomainError('dependency_unavailable', 'Sessions are unavailable (Redis is down)');
      throw unauthenticated();
    },
    admin: async (request) => {
      await guards.user(request);
      if (request.user?.role !== 'admin') throw new DomainError('forbidden', 'This needs an administrator');
    },
  };

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
    }
    if (access === 'public') return;
    const guard = guards[access];
    const existing = route.preValidation;
    route.preValidation = [guard, ...(existing ? (Array.isArray(existing) ? existing : [existing]) : [])];
  });
});

/** The caller of a route whose access is 'user' or 'admin' (the guard has run). */
export function callerOf(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
