// Redis connections. The API's connection fails fast (no offline queue, one retry) so a Redis outage
// becomes a 503 at once instead of a hung request; workers pass blocking: true, as BullMQ requires.
import { Redis } from 'ioredis';

export function createRedis(
  url: string,
  opts: { blocking?: boolean; name?: string; autoPipelining?: boolean } = {},
): Redis {
  const redis = new Redis(url, {
    connectionName: opts.name ?? 'genonaut',
    lazyConnect: true,
    connectTimeout: 3_000,
    enableOfflineQueue: opts.blocking ?? false,
    maxRetriesPerRequest: opts.blocking ? null : 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    // Commands issued in the same tick (the rate limit of concurrent requests) go out in one write.
    enableAutoPipelining: opts.autoPipelining ?? false,
  });
  // Connection errors are reported by commands that fail; without a listener ioredis would log each
  // reconnect attempt as an unhandled error event.
  redis.on('error', () => {});
  return redis;
}

/** Connects, tolerating a Redis that is down: reads that need only PostgreSQL keep working meanwhile. */
export async function connectRedis(redis: Redis): Promise<boolean> {
  try {
    await redis.connect();
    return true;
  } catch {
    return false;
  }
}

/** ioredis's ways of saying the server is unreachable (it throws plain Errors without a code). */
export function isRedisUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /enableOfflineQueue|Connection is closed|Stream isn't writeable|Reached the max retries/.test(
      error.message,
    )
  );
}
