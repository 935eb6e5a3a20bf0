// The cost of request analytics on the request path: the analytics plugin's onResponse hook timed
// in-process over synthetic requests, with the real recorder writing its batches to Redis meanwhile
// (into a stream of its own, deleted afterwards). Only the synchronous hook calls are timed: that is
// what a request waits for; the batched XADDs happen between them, as they do between requests.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRedis } from '../lib/redis';
import { RequestRecorder } from '../modules/analytics/request-recorder';
import { recordingHook } from '../plugins/analytics';

export interface AnalyticsRecordResult {
  requests: number;
  usPerRequest: number;
  written: number;
  dropped: number;
}

const CHUNK = 1_000;

export async function measureAnalyticsRecording(
  redisUrl: string,
  redisKeyPrefix: string,
  requests = 100_000,
): Promise<AnalyticsRecordResult> {
  const redis = createRedis(redisUrl, { name: 'genonaut-bench' });
  const streamKey = `${redisKeyPrefix}:bench:analytics-${process.pid}`;
  await redis.connect().catch(() => undefined);
  const recorder = new RequestRecorder(redis, { streamKey, maxStreamLength: requests, warn: () => {} });
  const hook = recordingHook(recorder);
  const noop = () => {};
  const routes = ['/api/v1/content', '/api/v1/content/:id', '/api/v1/tags/autocomplete', '/api/v1/auth/me'];
  const synthetic = Array.from({ length: 64 }, (_, i) => ({
    request: {
      url: `/api/v1/content/${i}`,
      method: i % 8 === 0 ? 'POST' : 'GET',
      routeOptions: { url: routes[i % routes.length] },
      user: i % 3 === 0 ? null : { id: '00000000-0000-4000-8000-00000000000' + (i % 10) },
    } as unknown as FastifyRequest,
    reply: { statusCode: i % 20 === 0 ? 404 : 200, elapsedTime: 3 + (i % 50) } as unknown as FastifyReply,
  }));
  let elapsedMs = 0;
  try {
    for (let done = 0; done < requests; done += CHUNK) {
      const started = performance.now();
      for (let i = done; i < Math.min(done + CHUNK, requests); i++) {
        const s = synthetic[i % synthetic.length];
        if (s) hook.call(undefined as never, s.request, s.reply, noop);
      }
      elapsedMs += performance.now() - started;
      // Let the recorder's pipeline go out, as the event loop would between real requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await recorder.flush();
    return {
      requests,
      usPerRequest: Math.round(((elapsedMs * 1000) / requests) * 1000) / 1000,
      written: recorder.stats.written,
      dropped: recorder.stats.dropped,
    };
  } finally {
    await redis.del(streamKey).catch(() => 0);
    redis.disconnect();
  }
}
