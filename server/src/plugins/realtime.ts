// GET /api/v1/ws (SPEC §7): live job progress, notifications and unread counts. The upgrade request runs
// through the normal route lifecycle first, so the auth guard answers 401 before any upgrade; events come
// from Redis pub/sub (realtime/event-bus.ts), so any API instance can serve any user.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import WebSocket from 'ws';
import { Type } from 'typebox';
import { errorResponses } from '@genonaut/contracts';
import { DomainError } from '../errors';
import { createRedis } from '../lib/redis';
import { userForToken } from '../modules/auth/api-tokens';
import { EventHub } from '../realtime/event-hub';
import { RealtimeConnection } from '../realtime/realtime-connection';
import { apiTokenOf, callerOf } from './auth';
import { isAllowedOrigin } from './security';

export interface RealtimeOptions {
  /** How often sockets are pinged (and dropped when the last ping went unanswered). */
  heartbeatMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: { hub: EventHub; connections: ReadonlySet<RealtimeConnection> };
  }
}

const CLOSE_GRACE_MS = 1_000;

export const realtimePlugin = fp(async (app: FastifyInstance, opts: RealtimeOptions) => {
  const { config } = app;
  const hub = new EventHub(
    // A subscriber connection can run no other command, so it is the hub's own.
    createRedis(config.redisUrl, { name: 'genonaut-api-events' }),
    config.redisKeyPrefix,
    (error, message) => app.log.warn({ err: error }, message),
  );
  await hub.start();
  const connections = new Set<RealtimeConnection>();
  app.decorate('realtime', { hub, connections });

  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    // Closes sockets with "going away" so clients reconnect (to another instance), then cuts stragglers.
    preClose: async () => {
      await Promise.all([...app.websocketServer.clients].map(closeGracefully));
    },
  });

  // @fastify/websocket ends the socket of a refused upgrade only when its own onRequest hook ran; one
  // refused by an earlier onRequest hook (a bad token, the rate limit) would otherwise stay open.
  app.addHook('onResponse', (request, _reply, done) => {
    const { upgrade, connection } = request.headers;
    // Node's own test for an upgrade (it then hands the socket to the 'upgrade' listener, not to HTTP).
    if (upgrade !== undefined && /\bupgrade\b/i.test(connection ?? '')) request.raw.socket.destroy();
    done();
  });

  const timer = setInterval(() => {
    for (const connection of connections) {
      connection.beat();
      void connection.revalidate();
    }
  }, opts.heartbeatMs ?? 30_000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    hub.close();
  });

  // Browsers send Origin on every WebSocket upgrade and attach cookies whatever page opens the socket, so
  // a cookie-authenticated upgrade must come from our own pages (cross-site WebSocket hijacking).
  const sameOrigin = async (request: FastifyRequest) => {
    if (request.user?.via !== 'session') return;
    const origin = request.headers.origin;
    if (!origin || !isAllowedOrigin(request, origin, config.publicUrl, config.corsOrigins)) {
      throw new DomainError('forbidden', 'Cross-origin WebSocket refused: connect from the app’s own pages');
    }
  };

  app.route({
    method: 'GET',
    url: '/api/v1/ws',
    config: { access: 'user', queryToken: true },
    // Request logs carry the URL, and `?token=` must not end up in them.
    logLevel: 'warn',
    schema: {
      tags: ['Realtime'],
      summary: 'Live job progress and notifications (WebSocket)',
      description:
        'Upgrade to a WebSocket, authenticated by the session cookie (with a same-origin Origin header) ' +
        'or `?token=<API token>`. Send `{type:"subscribe", jobIds}` to get each own job’s state and then ' +
        'its updates as `{type:"job", jobId, status, progress, contentIds?, error?}`; notifications ' +
        '(`{type:"notification"}`) and unread counts (`{type:"unreadCount"}`) arrive unasked, and ' +
        '`{type:"ping"}` is answered with `{type:"pong"}`.',
      querystring: Type.Object({
        token: Type.Optional(Type.String({ maxLength: 512, description: 'A personal API token' })),
      }),
      response: {
        101: { description: 'Switching Protocols: the WebSocket is open' },
        ...errorResponses(400, 401, 403, 429, 503),
      },
    },
    preValidation: sameOrigin,
    handler: async () => {
      throw new DomainError(
        'validation_failed',
        'This endpoint speaks WebSocket only: send an upgrade request',
      );
    },
    wsHandler: (socket, request) => {
      const user = callerOf(request);
      const token = user.via === 'token' ? apiTokenOf(request) : undefined;
      const connection = new RealtimeConnection(socket, user.id, {
        db: app.db,
        hub,
        log: request.log,
        stillAuthenticated: async () => {
          if (token) return (await userForToken(app.db, token)) !== null;
          if (!user.sessionId) return null;
          try {
            return (await app.sessions.touch(user.sessionId)) !== null;
          } catch {
            return null;
          }
        },
      });
      connections.add(connection);
      socket.on('close', () => connections.delete(connection));
      connection.open();
    },
  });
});

function closeGracefully(client: WebSocket): Promise<void> {
  if (client.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.close(1001, 'Server shutting down');
  });
}
