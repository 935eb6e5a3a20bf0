// The request stream → route_analytics_hourly against a real Redis stream and PostgreSQL: nothing is
// counted twice or lost when a rollup dies after COMMIT, when two run at once, when entries arrive
// mid-run, or when a consumer died holding entries; and the API records route templates, not paths.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../src/lib/redis';
import {
  encodeBatch,
  requestStreamKey,
  ROLLUP_GROUP,
  UNMATCHED_ROUTE,
} from '../src/modules/analytics/request-stream';
import { runRouteRollup, type RouteRollupOptions } from '../src/modules/analytics/route-rollup';
import { signUp } from './auth-helpers';
import { buildTestApp, testConfig, testDatabase } from './test-context';

const db = testDatabase();
let redis: Redis;

beforeAll(async () => {
  redis = createRedis(testConfig().redisUrl, { name: 'genonaut-test' });
  await redis.connect();
});
afterAll(async () => {
  redis.disconnect();
  await db.destroy();
});

/** A stream and a route of the test's own, so tests never see each other's rows. */
function scenario() {
  const streamKey = `gtest-analytics-${randomUUID()}`;
  const route = `/test/${randomUUID()}`;
  const user = randomUUID();
  /** `count` records, `perEntry` to a stream entry (as the recorder batches them). */
  const add = async (count: number, status = 200, perEntry = 1) => {
    const pipeline = redis.pipeline();
    for (let i = 0; i < count; i += perEntry) {
      const records = Array.from({ length: Math.min(perEntry, count - i) }, (_, j) => ({
        route,
        method: 'GET',
        status,
        durationMs: 5 + ((i + j) % 40),
        userId: user,
        at: Date.now(),
      }));
      pipeline.xadd(streamKey, '*', ...encodeBatch(records));
    }
    await pipeline.exec();
  };
  const rollup = (options: Partial<RouteRollupOptions> = {}) =>
    runRouteRollup({ db, redis, streamKey, claimIdleMs: 60_000, ...options });
  const counted = async () => {
    const rows = await db
      .selectFrom('route_analytics_hourly')
      .select(['requests', 'status_2xx', 'status_4xx', 'unique_users'])
      .where('route', '=', route)
      .execute();
    return {
      requests: rows.reduce((sum, r) => sum + r.requests, 0),
      ok: rows.reduce((sum, r) => sum + r.status_2xx, 0),
      clientErrors: rows.reduce((sum, r) => sum + r.status_4xx, 0),
      users: Math.max(0, ...rows.map((r) => r.unique_users)),
    };
  };
  const pendingCount = async () => {
    const summary = (await redis.xpending(streamKey, ROLLUP_GROUP)) as [number, ...unknown[]];
    return Number(summary[0]);
  };
  return { streamKey, route, add, rollup, counted, pendingCount };
}

describe('rollup-route-analytics', () => {
  it('merges counts, status classes, percentiles and unique users into the hour', async () => {
    const s = scenario();
    await s.add(30);
    await s.add(10, 404);
    const result = await s.rollup();
    expect(result).toMatchObject({ applied: 40, skipped: 0 });
    expect(await s.counted()).toEqual({ requests: 40, ok: 30, clientErrors: 10, users: 1 });
    const [row] = await db
      .selectFrom('route_analytics_hourly')
      .select(['p50_ms', 'p95_ms', 'p99_ms'])
      .where('route', '=', s.route)
      .execute();
    expect(row?.p50_ms).toBeGreaterThan(5);
    expect(row?.p95_ms).toBeGreaterThanOrEqual(row?.p50_ms ?? 0);
    expect(await redis.xlen(s.streamKey)).toBe(0);
  });

  it('counts nothing twice after a crash between COMMIT and XACK', async () => {
    const s = scenario();
    await s.add(25);
    await expect(
      s.rollup({
        afterCommit: () => Promise.reject(new Error('killed after commit')),
      }),
    ).rejects.toThrow('killed after commit');
    expect(await s.counted()).toMatchObject({ requests: 25 });
    expect(await s.pendingCount()).toBe(25);
    // The replay finds the entries pending but at or below the checkpoint: acknowledged, not counted.
    const replay = await s.rollup({ claimIdleMs: 0 });
    expect(replay.applied).toBe(0);
    expect(await s.counted()).toMatchObject({ requests: 25 });
    expect(await s.pendingCount()).toBe(0);
  });

  it('counts everything once when two rollups run at the same time', async () => {
    const s = scenario();
    await s.add(400, 200, 3);
    const [a, b] = await Promise.all([s.rollup({ batchSize: 50 }), s.rollup({ batchSize: 50 })]);
    expect(a.applied + b.applied).toBe(400);
    expect(await s.counted()).toMatchObject({ requests: 400 });
    expect(await s.pendingCount()).toBe(0);
  });

  it('keeps entries that arrive during a rollup for the next batch or run', async () => {
    const s = scenario();
    await s.add(20);
    let injected = false;
    await s.rollup({
      afterRead: async () => {
        if (injected) return;
        injected = true;
        await s.add(15);
      },
    });
    await s.rollup();
    expect(await s.counted()).toMatchObject({ requests: 35 });
    expect(await s.pendingCount()).toBe(0);
  });

  it('claims the entries of a consumer that died holding them, before any newer entry', async () => {
    const s = scenario();
    await s.add(12);
    await redis.xgroup('CREATE', s.streamKey, ROLLUP_GROUP, '0', 'MKSTREAM');
    await redis.xreadgroup('GROUP', ROLLUP_GROUP, 'dead-consumer', 'COUNT', 12, 'STREAMS', s.streamKey, '>');
    await s.add(8);
    // While the dead consumer's entries are not idle long enough, newer entries wait behind them.
    const early = await s.rollup({ claimIdleMs: 3_600_000 });
    expect(early).toMatchObject({ applied: 0, waitingForPending: true });
    expect(await s.counted()).toMatchObject({ requests: 0 });
    const late = await s.rollup({ claimIdleMs: 0 });
    expect(late.applied).toBe(20);
    expect(await s.counted()).toMatchObject({ requests: 20 });
    expect(await s.pendingCount()).toBe(0);
  });

  it('acknowledges and skips entries and lines that are not request records', async () => {
    const s = scenario();
    await redis.xadd(s.streamKey, '*', 'r', s.route, 'm', 'GET');
    await redis.xadd(
      s.streamKey,
      '*',
      'n',
      '2',
      'b',
      `${s.route}\tBREW\t200\t1\t\t1\n${s.route}\tGET\t200\t1\t\t${Date.now()}`,
    );
    await s.add(30, 200, 7);
    expect(await s.rollup()).toMatchObject({ applied: 31, skipped: 2 });
    expect(await s.counted()).toMatchObject({ requests: 31 });
    expect(await s.pendingCount()).toBe(0);
  });
});

describe('request recording (the analytics plugin)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ ANALYTICS_RECORD_REQUESTS: 'true' });
  });
  afterAll(() => app.close());

  it('records the route template, one key for unmatched paths, and leaves out the health probe', async () => {
    const session = await signUp(app);
    // Ids no test creates (other files write items to the same database meanwhile): all three are 404s.
    for (const id of [900_000_123, 900_000_456])
      await app.inject({ method: 'GET', url: `/api/v1/content/${id}` });
    await app.inject({ method: 'GET', url: '/api/v1/content/900000789', headers: session.headers });
    await app.inject({ method: 'GET', url: '/api/v1/no-such-thing/abc' });
    await app.inject({ method: 'GET', url: '/api/v1/no-such-thing/def?x=1' });
    await app.inject({ method: 'GET', url: '/api/v1/health' });
    const recorder = app.requestRecorder;
    if (!recorder) throw new Error('recording is off');
    await recorder.flush();
    expect(recorder.stats.dropped).toBe(0);
    const streamKey = requestStreamKey(app.config.redisKeyPrefix);
    await runRouteRollup({ db, redis, streamKey });
    const rows = await db
      .selectFrom('route_analytics_hourly')
      .select(['route', 'method', 'requests', 'status_4xx', 'unique_users'])
      .where('route', 'in', [
        '/api/v1/content/:id',
        UNMATCHED_ROUTE,
        '/api/v1/health',
        '/api/v1/auth/register',
      ])
      .execute();
    const byRoute = Object.fromEntries(rows.map((r) => [`${r.method} ${r.route}`, r]));
    expect(byRoute['GET /api/v1/content/:id']).toMatchObject({ requests: 3, status_4xx: 3, unique_users: 1 });
    expect(byRoute[`GET ${UNMATCHED_ROUTE}`]).toMatchObject({ requests: 2, status_4xx: 2 });
    expect(byRoute['POST /api/v1/auth/register']).toMatchObject({ requests: 1 });
    expect(byRoute['GET /api/v1/health']).toBeUndefined();
    const paths = await db
      .selectFrom('route_analytics_hourly')
      .select('route')
      .where('route', 'like', '%123%')
      .execute();
    expect(paths).toEqual([]);
  });

  it('drops (and counts) records while Redis is unreachable, without failing the request', async () => {
    const offline = createRedis('redis://127.0.0.1:1', { name: 'genonaut-test-offline' });
    const { RequestRecorder } = await import('../src/modules/analytics/request-recorder');
    const warnings: string[] = [];
    const recorder = new RequestRecorder(offline, {
      streamKey: 'gtest-offline',
      maxStreamLength: 1_000,
      maxBuffered: 5,
      warn: (message) => warnings.push(message),
    });
    for (let i = 0; i < 8; i++)
      recorder.record({
        route: '/x',
        method: 'GET',
        status: 200,
        durationMs: 1,
        userId: null,
        at: Date.now(),
      });
    await recorder.flush();
    expect(recorder.stats).toMatchObject({ recorded: 8, written: 0, dropped: 8 });
    expect(recorder.bufferedCount).toBe(0);
    expect(warnings).toHaveLength(1);
    offline.disconnect();
  });
});
