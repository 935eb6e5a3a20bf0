// The general API rate limit (SPEC §8, lib/shared-rate-limit.ts) against the real Redis: counted per
// caller, 429 with Retry-After at the limit itself, shared by API instances, and not enforced (rather
// than refusing reads) while Redis is unreachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { buildTestApp } from './test-context';
import { signUp, someIp } from './auth-helpers';
import { SharedRateLimit } from '../src/lib/shared-rate-limit';
import { createRedis } from '../src/lib/redis';

const MAX = 10;
const url = '/api/v1/stats/global';
const prefix = `grl-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

let a: FastifyInstance;
let b: FastifyInstance;
let redis: Redis;

beforeAll(async () => {
  // Two API instances on one Redis, as behind a load balancer.
  const env = { RATE_LIMIT_GENERAL_PER_MIN: String(MAX), REDIS_KEY_PREFIX: prefix };
  [a, b] = await Promise.all([buildTestApp(env), buildTestApp(env)]);
  redis = new Redis(inject('redisUrl'));
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  redis.disconnect();
});

const get = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, remoteAddress, headers });

/** The shared count in Redis, once the instance's local counts have been written. */
async function sharedCount(key: string): Promise<number> {
  for (let i = 0; i < 100; i += 1) {
    const value = await redis.get(`${prefix}:rl:general:${key}`);
    if (value !== null) return Number(value);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no count for ${key}`);
}

async function waitForShared(key: string, expected: number): Promise<void> {
  for (let i = 0; i < 200 && (await sharedCount(key)) < expected; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await sharedCount(key)).toBe(expected);
}

describe('general rate limit', () => {
  it('lets a caller make the limit of requests, counting down, then answers 429 with Retry-After', async () => {
    const ip = someIp();
    for (let i = 1; i <= MAX; i += 1) {
      const response = await get(a, ip);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBe(String(MAX));
      expect(response.headers['x-ratelimit-remaining']).toBe(String(MAX - i));
      expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    }
    const refused = await get(a, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address is not affected.
    expect((await get(a, someIp())).statusCode).toBe(200);
    await waitForShared(`ip:${ip}`, MAX + 1);
  });

  it('counts a signed-in caller by user, whatever the address', async () => {
    const session = await signUp(a);
    for (let i = 0; i < MAX; i += 1) {
      expect((await get(a, someIp(), { cookie: session.cookie })).statusCode).toBe(200);
    }
    expect((await get(a, someIp(), { cookie: session.cookie })).statusCode).toBe(429);
    await waitForShared(`user:${session.user.id}`, MAX + 1);
  });

  it('is shared by the instances: what one counted, the other refuses on', async () => {
    const ip = someIp();
    // Within 80 % of the limit: answered from local counts, written to Redis in the background.
    for (let i = 0; i < 8; i += 1) expect((await get(a, ip)).statusCode).toBe(200);
    await waitForShared(`ip:${ip}`, 8);
    // The other instance joins the window and, past 80 %, counts each hit in Redis first.
    expect((await get(b, ip)).statusCode).toBe(200);
    expect((await get(b, ip)).statusCode).toBe(200);
    expect((await get(b, ip)).statusCode).toBe(429);
    // The first instance learns the shared count as soon as the caller nears the limit there.
    expect((await get(a, ip)).statusCode).toBe(429);
    expect(await sharedCount(`ip:${ip}`)).toBe(MAX + 2);
  });

  it('does not use paths outside /api', async () => {
    const ip = someIp();
    for (let i = 0; i < MAX + 2; i += 1) {
      const response = await a.inject({ method: 'GET', url: '/openapi.json', remoteAddress: ip });
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect((await get(a, ip)).statusCode).toBe(200);
  });

  it('lets requests through, uncounted, while Redis is unreachable', async () => {
    const down = createRedis('redis://127.0.0.1:1', { name: 'genonaut-test-down' });
    const limit = new SharedRateLimit({
      redis: down,
      keyPrefix: `${prefix}:down:`,
      max: 2,
      windowMs: 60_000,
    });
    for (let i = 0; i < 5; i += 1) expect(await limit.hit('ip:10.0.0.1')).toBeUndefined();
    await limit.close();
    down.disconnect();
  });

  it('counts a hit locally only where it would answer at once, and otherwise counts nothing', async () => {
    const limit = new SharedRateLimit({ redis, keyPrefix: `${prefix}:local:`, max: 10, windowMs: 60_000 });
    const key = 'ip:10.0.0.2';
    // No window yet: opening one needs Redis.
    expect(limit.hitLocally(key)).toBeUndefined();
    expect(await limit.hit(key)).toMatchObject({ count: 1 });
    for (let count = 2; count <= 8; count += 1) expect(limit.hitLocally(key)).toMatchObject({ count });
    // From 80 % of the limit on, every hit waits for Redis's count: the local way declines, uncounted.
    expect(limit.hitLocally(key)).toBeUndefined();
    expect(await limit.hit(key)).toMatchObject({ count: 9 });
    await limit.close();
    expect(Number(await redis.get(`${prefix}:local:${key}`))).toBe(9);
  });
});
