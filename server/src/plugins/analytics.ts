// Records every API request (route template, method, status, duration, user) for the route analytics
// (SPEC §9.7). The onResponse hook only pushes onto an in-memory buffer; the recorder writes batches to
// the Redis stream that rollup-route-analytics consumes, and drops (counting) when Redis is down.
//
// What is recorded: paths under /api/ only. The health probe (polled by load balancers every few
// seconds, it would top every ranking and is monitored on its own) and the WebSocket upgrade (its
// "duration" is the life of the connection) are left out; so are the built SPA's static files (served
// with long cache headers, a CDN's business in production) and the queue dashboard (an admin tool, not
// the API). An /api path that matched no route is counted under UNMATCHED_ROUTE, never its raw path,
// so a scanner cannot flood the table with distinct keys.
import type { FastifyInstance, FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { RequestRecorder } from '../modules/analytics/request-recorder';
import { RECORDED_METHODS, requestStreamKey, UNMATCHED_ROUTE } from '../modules/analytics/request-stream';

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when ANALYTICS_RECORD_REQUESTS is off. */
    requestRecorder: RequestRecorder | null;
  }
}

const SKIPPED_ROUTES = new Set(['/api/v1/health', '/api/v1/ws']);

/** The hook itself, separate so `genonaut bench` can time it in-process. */
export function recordingHook(recorder: Pick<RequestRecorder, 'record'>): onResponseHookHandler {
  return function recordRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const url = request.url;
    if (url.startsWith('/api/') && RECORDED_METHODS.has(request.method)) {
      const template = request.routeOptions.url;
      const route = template?.startsWith('/api/') ? template : UNMATCHED_ROUTE;
      if (!SKIPPED_ROUTES.has(route)) {
        recorder.record({
          route,
          method: request.method,
          status: reply.statusCode,
          durationMs: reply.elapsedTime,
          userId: request.user?.id ?? null,
          at: Date.now(),
        });
      }
    }
    done();
  };
}

export const analyticsPlugin = fp(async (app: FastifyInstance) => {
  if (!app.config.analyticsRecordRequests) {
    app.decorate('requestRecorder', null);
    return;
  }
  const recorder = new RequestRecorder(app.redis, {
    streamKey: requestStreamKey(app.config.redisKeyPrefix),
    maxStreamLength: app.config.analyticsStreamMaxLength,
    warn: (message) => app.log.warn(message),
  });
  app.decorate('requestRecorder', recorder);
  recorder.start();
  app.addHook('onResponse', recordingHook(recorder));
  // onClose hooks run last-registered first, so Redis is still open here (the infrastructure plugin,
  // registered earlier, disconnects it after).
  app.addHook('onClose', async () => {
    recorder.stop();
    await recorder.flush();
  });
});
