// Fixed-window counters in Redis for the limits that need their own keys (login per IP and per account,
// registration per IP, generation submissions per user). One round trip per check.
import type { Redis } from 'ioredis';

export interface LimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export async function hitLimit(
  redis: Redis,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<LimitResult> {
  const results = await redis.multi().incr(key).expire(key, windowSeconds, 'NX').ttl(key).exec();
  if (!results) throw new Error('rate limit transaction was aborted');
  const count = Number(results[0]?.[1] ?? 0);
  const ttl = Number(results[2]?.[1] ?? windowSeconds);
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, ttl),
  };
}

export async function resetLimit(redis: Redis, key: string): Promise<void> {
  await redis.del(key);
}
