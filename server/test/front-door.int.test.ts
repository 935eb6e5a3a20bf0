// The response cache's hits answered in front of the framework (lib/front-door.ts), over real HTTP
// (app.inject goes straight to the framework): the same answer the framework's hit gives, counted in
// the caller's rate limit and the request analytics, and never given to a caller or a request the
// framework must see. Other test files write content at the same time, which moves the cache version:
// sequences that need hits retry until they see them.
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { GalleryPage } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUp, type Session } from './auth-helpers';
import { createContent } from './factories';
import { buildTestApp } from './test-context';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A GET over HTTP with exactly these headers (fetch would add its own Accept-Encoding); an array value
 * goes out as that many header lines.
 */
function get(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string | string[]> = {},
): Promise<Answer> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const WAIT = { timeout: 20_000, interval: 50 };
const prefix = `front-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const env = {
  RESPONSE_CACHE_SECONDS: '60',
  ANALYTICS_RECORD_REQUESTS: 'true',
  RATE_LIMIT_GENERAL_PER_MIN: '100000',
  REDIS_KEY_PREFIX: prefix,
};
let a: FastifyInstance;
let b: FastifyInstance;
let owner: Session;

beforeAll(async () => {
  // Two instances sharing Redis: a hit stored by one is a Redis hit (through the framework) for the other.
  [a, b] = await Promise.all([buildTestApp(env), buildTestApp(env)]);
  await Promise.all([a.listen({ host: '127.0.0.1', port: 0 }), b.listen({ host: '127.0.0.1', port: 0 })]);
  owner = await signUp(a);
  await createContent(a.db, owner.user.id);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const galleryUrl = () => `/api/v1/content?creatorId=${owner.user.id}&pageSize=5`;
const PLAIN = { 'accept-encoding': 'identity' };
/** Headers that differ between any two answers. */
const VARYING = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
const stable = (headers: Answer['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !VARYING.has(name)));

describe('a hit of the in-process cache', () => {
  it('is answered in front of the framework with the headers and body of the framework’s hit', async () => {
    const { framework, front } = await vi.waitFor(async () => {
      // A stores the page; B's first ask finds it in Redis (the framework's hit), its second in memory.
      const url = `${galleryUrl()}&q=&_=${Math.random()}`;
      expect((await get(a, url, PLAIN)).status).toBe(200);
      const before = b.frontDoor.answered;
      const framework = await get(b, url, PLAIN);
      expect(framework.headers['x-cache']).toBe('hit');
      expect(b.frontDoor.answered).toBe(before);
      const front = await get(b, url, PLAIN);
      expect(front.headers['x-cache']).toBe('hit');
      expect(b.frontDoor.answered).toBe(before + 1);
      return { framework, front };
    }, WAIT);
    expect(front.status).toBe(200);
    expect(stable(front.headers)).toEqual(stable(framework.headers));
    expect(front.body.equals(framework.body)).toBe(true);
    expect(Number(front.headers['x-ratelimit-remaining'])).toBe(
      Number(framework.headers['x-ratelimit-remaining']) - 1,
    );
  });

  it('goes compressed to a client that accepts it: gzip, then brotli once the entry is hot', async () => {
    const plain = await vi.waitFor(async () => {
      const answer = await get(a, galleryUrl(), PLAIN);
      expect(answer.headers['x-cache']).toBe('hit');
      return answer;
    }, WAIT);
    const inFront = async (encodings: string, coding: string) =>
      vi.waitFor(async () => {
        const before = a.frontDoor.answered;
        const answer = await get(a, galleryUrl(), { 'accept-encoding': encodings });
        expect(answer.headers['content-encoding']).toBe(coding);
        expect(a.frontDoor.answered).toBe(before + 1);
        return answer;
      }, WAIT);
    const zipped = await inFront('gzip', 'gzip');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers['content-length']).toBe(String(zipped.body.length));
    const brotli = await inFront('gzip, deflate, br', 'br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.headers['content-length']).toBe(String(brotli.body.length));
  });

  it('is recorded in the request analytics under its route', async () => {
    const recorder = a.requestRecorder;
    if (!recorder) throw new Error('request analytics are off');
    await vi.waitFor(async () => {
      const before = { answered: a.frontDoor.answered, recorded: recorder.stats.recorded };
      await get(a, galleryUrl(), PLAIN);
      expect(a.frontDoor.answered).toBe(before.answered + 1);
      expect(recorder.stats.recorded).toBe(before.recorded + 1);
    }, WAIT);
  });

  it('is never given to a signed-in caller, a no-cache request, a later page or a bearer token', async () => {
    await vi.waitFor(async () => {
      expect((await get(a, galleryUrl(), PLAIN)).headers['x-cache']).toBe('hit');
    }, WAIT);
    const before = a.frontDoor.answered;
    const mine = await get(a, galleryUrl(), { ...PLAIN, cookie: owner.cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers['x-cache']).toBeUndefined();
    expect((JSON.parse(mine.body.toString('utf8')) as GalleryPage).items[0]).toHaveProperty('viewer');
    const fresh = await get(a, galleryUrl(), { ...PLAIN, 'cache-control': 'no-cache' });
    expect(fresh.headers['x-cache']).toBe('bypass');
    expect((await get(a, `${galleryUrl()}&page=2`, PLAIN)).headers['x-cache']).toBeUndefined();
    const forged = await get(a, galleryUrl(), { ...PLAIN, authorization: 'Bearer gnt_not_a_real_token' });
    expect(forged.status).toBe(401);
    // The session cookie on the second of two Cookie lines, and a header name in capitals.
    const second = await get(a, galleryUrl(), { ...PLAIN, cookie: ['theme=dark', owner.cookie] });
    expect((JSON.parse(second.body.toString('utf8')) as GalleryPage).items[0]).toHaveProperty('viewer');
    const shouting = await get(a, galleryUrl(), { ...PLAIN, 'CACHE-CONTROL': 'max-age=0, No-Cache' });
    expect(shouting.headers['x-cache']).toBe('bypass');
    expect(a.frontDoor.answered).toBe(before);
  });
});

describe('the rate limit', () => {
  let limited: FastifyInstance;
  const MAX = 20;
  beforeAll(async () => {
    limited = await buildTestApp({
      ...env,
      RATE_LIMIT_GENERAL_PER_MIN: String(MAX),
      REDIS_KEY_PREFIX: `${prefix}-limited`,
    });
    await limited.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => limited.close());

  it('counts the hits answered in front: the caller gets the limit, counted down, then 429', async () => {
    const remaining: number[] = [];
    for (let i = 1; i <= MAX; i += 1) {
      const answer = await get(limited, galleryUrl(), PLAIN);
      expect(answer.status).toBe(200);
      remaining.push(Number(answer.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(Array.from({ length: MAX }, (_, i) => MAX - 1 - i));
    expect(limited.frontDoor.answered).toBeGreaterThan(0);
    const refused = await get(limited, galleryUrl(), PLAIN);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('behind a proxy, counts the caller X-Forwarded-For names, as the framework does', async () => {
    const proxied = await buildTestApp({
      ...env,
      GENONAUT_ENV: 'production',
      RATE_LIMIT_GENERAL_PER_MIN: String(MAX),
      REDIS_KEY_PREFIX: `${prefix}-proxied`,
    });
    try {
      await proxied.listen({ host: '127.0.0.1', port: 0 });
      const remainingFor = async (forwardedFor: string | string[], extra: Record<string, string> = {}) => {
        const answer = await get(proxied, galleryUrl(), {
          ...PLAIN,
          'x-forwarded-for': forwardedFor,
          ...extra,
        });
        expect(answer.status).toBe(200);
        return Number(answer.headers['x-ratelimit-remaining']);
      };
      // The first hit of a window goes through the framework (it opens the window in Redis).
      expect(await remainingFor('203.0.113.7')).toBe(MAX - 1);
      await vi.waitFor(async () => {
        const before = proxied.frontDoor.answered;
        await remainingFor('203.0.113.7');
        expect(proxied.frontDoor.answered).toBe(before + 1);
      }, WAIT);
      const counted = await remainingFor('203.0.113.7');
      // The leftmost address is the caller's, on one line or over two; the framework counts the same.
      expect(await remainingFor('203.0.113.7, 10.0.0.2')).toBe(counted - 1);
      expect(await remainingFor(['203.0.113.7 ', '10.0.0.2'])).toBe(counted - 2);
      expect(await remainingFor('203.0.113.7', { 'cache-control': 'no-cache' })).toBe(counted - 3);
      // Another caller has a window of its own.
      expect(await remainingFor('198.51.100.4')).toBe(MAX - 1);
    } finally {
      await proxied.close();
    }
  });
});
