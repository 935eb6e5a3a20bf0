// The analytics endpoints against the real stack: admin-only reads of route and generation analytics
// built by the real rollups, range validation, the tag distribution, and a user's own numbers only.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type {
  GenerationFailures,
  GenerationModels,
  GenerationOverview,
  GenerationTrends,
  MyGenerationStats,
  PeakHours,
  RouteRanking,
  RouteTrends,
  TagAnalytics,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../src/jobs/registry';
import { rollupGenerationMetrics } from '../src/modules/analytics/generation-rollup.repository';
import { encodeBatch } from '../src/modules/analytics/request-stream';
import { runRouteRollup } from '../src/modules/analytics/route-rollup';
import { promoteToAdmin, signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import { createJob } from './factories';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let admin: Session;
let alice: Session;
let bob: Session;
const call = apiCaller(() => app);
const run = randomUUID().slice(0, 8);
const hot = `/test/${run}/hot`;
const cold = `/test/${run}/cold`;
const model = `model-${run}.safetensors`;
// Three days ago at 14:00 UTC: a fixed cell of the peak-hours grid.
const peakAt = (() => {
  const d = new Date(Date.now() - 3 * 86_400_000);
  d.setUTCHours(14, 10, 0, 0);
  return d;
})();

async function recordRequests(): Promise<void> {
  const streamKey = `gtest-analytics-api-${run}`;
  const pipeline = app.redis.pipeline();
  const add = (route: string, method: string, status: number, durationMs: number, at = Date.now()) =>
    pipeline.xadd(
      streamKey,
      '*',
      ...encodeBatch([{ route, method, status, durationMs, userId: alice.user.id, at }]),
    );
  for (let i = 0; i < 100; i++) add(hot, 'GET', i < 5 ? 500 : 200, 400 + i, peakAt.getTime());
  for (let i = 0; i < 100; i++) add(hot, 'POST', 201, 400 + i);
  for (let i = 0; i < 10; i++) add(cold, 'GET', 200, 3);
  await pipeline.exec();
  await runRouteRollup({ db: app.db, redis: app.redis, streamKey });
}

async function recordGeneration(): Promise<void> {
  const job = await createJob(app.db, alice.user.id, { checkpoint: model });
  const event = (type: string, extra: Record<string, unknown> = {}) => ({
    job_id: job.id,
    user_id: alice.user.id,
    event_type: type,
    checkpoint: model,
    backend: 'mock',
    ...extra,
  });
  await app.db
    .insertInto('generation_events')
    .values([
      event('queued'),
      event('started', { queue_wait_ms: 200 }),
      event('completed', { duration_ms: 1_000, image_count: 2 }),
      event('queued'),
      event('started', { queue_wait_ms: 400 }),
      event('completed', { duration_ms: 3_000, image_count: 1 }),
      event('queued'),
      event('failed', { error_code: 'comfyui_timeout', duration_ms: 500 }),
      event('queued'),
      event('cancelled'),
    ])
    .execute();
  await rollupGenerationMetrics(app.db);
}

beforeAll(async () => {
  app = await buildTestApp();
  [admin, alice, bob] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
  await recordRequests();
  await recordGeneration();
});
afterAll(() => app.close());

const adminPaths = [
  '/analytics/routes',
  '/analytics/routes/trends',
  '/analytics/routes/peak-hours',
  '/analytics/generation/overview',
  '/analytics/generation/trends',
  '/analytics/generation/models',
  '/analytics/generation/failures',
  '/analytics/tags',
];

describe('admin analytics', () => {
  it('requires authentication', async () => {
    for (const path of adminPaths) expect((await call(null, 'GET', path)).status, path).toBe(401);
  });

  it('refuses a non-admin', async () => {
    for (const path of adminPaths) expect((await call(alice, 'GET', path)).status, path).toBe(403);
  });

  it('validates ranges and names the field', async () => {
    for (const query of ['days=0', 'days=91', 'days=abc']) {
      const answer = await call<{ error: { details: { field: string }[] } }>(
        admin,
        'GET',
        `/analytics/routes?${query}`,
      );
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.details.map((d) => d.field)).toContain('query.days');
    }
    const interval = await call<{ error: { details: { field: string }[] } }>(
      admin,
      'GET',
      '/analytics/generation/trends?interval=week',
    );
    expect(interval.status).toBe(400);
    expect(interval.body.error.details.map((d) => d.field)).toContain('query.interval');
    expect((await call(admin, 'GET', '/analytics/routes/trends?top=11')).status).toBe(400);
    expect((await call(admin, 'GET', '/analytics/tags?source=mine')).status).toBe(400);
  });

  it('ranks routes by cache priority: frequent slow reads above writes and fast reads', async () => {
    const ranking = expectStatus(await call<RouteRanking>(admin, 'GET', '/analytics/routes?limit=100'), 200);
    const names = ranking.items.map((r) => `${r.method} ${r.route}`);
    const hotGet = ranking.items.find((r) => r.route === hot && r.method === 'GET');
    expect(hotGet).toMatchObject({ requests: 100, status5xx: 5, errorRate: 0.05, uniqueUsers: 1 });
    expect(hotGet?.p50Ms).toBeGreaterThan(300);
    expect(hotGet?.p95Ms).toBeGreaterThanOrEqual(hotGet?.p50Ms ?? 0);
    expect(names.indexOf(`GET ${hot}`)).toBeLessThan(names.indexOf(`POST ${hot}`));
    expect(names.indexOf(`POST ${hot}`)).toBeLessThan(names.indexOf(`GET ${cold}`));
    const posts = expectStatus(
      await call<RouteRanking>(admin, 'GET', '/analytics/routes?method=POST&limit=100'),
      200,
    );
    expect(posts.items.every((r) => r.method === 'POST')).toBe(true);
  });

  it('gives zero-filled trends for one route, and the top routes by default', async () => {
    const one = expectStatus(
      await call<RouteTrends>(
        admin,
        'GET',
        `/analytics/routes/trends?days=7&route=${encodeURIComponent(hot)}`,
      ),
      200,
    );
    expect(one.interval).toBe('day');
    expect(one.series.map((s) => s.method).sort()).toEqual(['GET', 'POST']);
    const get = one.series.find((s) => s.method === 'GET');
    expect(get?.points.length).toBeGreaterThanOrEqual(7);
    expect(get?.points.reduce((sum, p) => sum + p.requests, 0)).toBe(100);
    expect(get?.points.reduce((sum, p) => sum + p.errors, 0)).toBe(5);
    const top = expectStatus(
      await call<RouteTrends>(admin, 'GET', '/analytics/routes/trends?days=1&top=3'),
      200,
    );
    expect(top.interval).toBe('hour');
    expect(top.series.length).toBeLessThanOrEqual(3);
  });

  it('counts requests per weekday and hour', async () => {
    const peak = expectStatus(
      await call<PeakHours>(admin, 'GET', '/analytics/routes/peak-hours?days=7'),
      200,
    );
    expect(peak.cells).toHaveLength(168);
    const cell = peak.cells.find((c) => c.weekday === peakAt.getUTCDay() && c.hour === 14);
    expect(cell?.requests).toBeGreaterThanOrEqual(100);
  });

  it('summarises generation overall, over time, per model and by failure', async () => {
    const overview = expectStatus(
      await call<GenerationOverview>(admin, 'GET', '/analytics/generation/overview'),
      200,
    );
    expect(overview.requests).toBeGreaterThanOrEqual(4);
    expect(overview.successes).toBeGreaterThanOrEqual(2);
    const models = expectStatus(
      await call<GenerationModels>(admin, 'GET', '/analytics/generation/models'),
      200,
    );
    expect(models.items.find((m) => m.checkpoint === model)).toEqual({
      checkpoint: model,
      requests: 4,
      successes: 2,
      failures: 1,
      cancellations: 1,
      images: 3,
      successRate: 0.5,
      p50DurationMs: 2_000,
      p95DurationMs: 2_900,
    });
    const trends = expectStatus(
      await call<GenerationTrends>(admin, 'GET', '/analytics/generation/trends?days=1'),
      200,
    );
    expect(trends.interval).toBe('hour');
    expect(trends.points.reduce((sum, p) => sum + p.successes, 0)).toBeGreaterThanOrEqual(2);
    const failures = expectStatus(
      await call<GenerationFailures>(admin, 'GET', '/analytics/generation/failures?limit=50'),
      200,
    );
    expect(failures.groups.find((g) => g.errorCode === 'comfyui_timeout')?.checkpoints).toContain(model);
    expect(failures.recent.find((f) => f.checkpoint === model)).toMatchObject({
      errorCode: 'comfyui_timeout',
    });
  });

  it('recomputing the generation hours changes nothing (idempotent rollup)', async () => {
    const before = await app.db
      .selectFrom('generation_metrics_hourly')
      .selectAll()
      .where('checkpoint', '=', model)
      .execute();
    expect(before).toEqual([
      expect.objectContaining({
        requests: 4,
        successes: 2,
        failures: 1,
        cancellations: 1,
        images: 3,
        p50_duration_ms: 2_000,
        p95_duration_ms: 2_900,
        avg_queue_wait_ms: 300,
        p95_queue_wait_ms: 390,
      }),
    ]);
    const allModels = await app.db
      .selectFrom('generation_metrics_hourly')
      .select(['requests', 'successes'])
      .where('checkpoint', '=', '')
      .where('hour', '=', before[0]?.hour ?? new Date(0))
      .executeTakeFirst();
    expect(allModels?.requests).toBeGreaterThanOrEqual(4);
    await rollupGenerationMetrics(app.db);
    await rollupGenerationMetrics(app.db);
    const after = await app.db
      .selectFrom('generation_metrics_hourly')
      .selectAll()
      .where('checkpoint', '=', model)
      .execute();
    expect(after.map(({ updated_at: _u, ...row }) => row)).toEqual(
      before.map(({ updated_at: _u, ...row }) => row),
    );
  });

  it('shows the tag-cardinality distribution and the biggest tags', async () => {
    const tags = expectStatus(await call<TagAnalytics>(admin, 'GET', '/analytics/tags?limit=5'), 200);
    expect(tags.buckets.map((b) => b.label)).toEqual([
      '0',
      '1–9',
      '10–99',
      '100–999',
      '1 000–9 999',
      '10 000–99 999',
      '100 000+',
    ]);
    expect(tags.buckets.reduce((sum, b) => sum + b.tags, 0)).toBe(tags.totalTags);
    expect(tags.top.length).toBeLessThanOrEqual(5);
  });
});

describe('GET /analytics/generation/me', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/analytics/generation/me')).status).toBe(401);
  });

  it("refuses another user: only the caller's own jobs count", async () => {
    const mine = expectStatus(await call<MyGenerationStats>(alice, 'GET', '/analytics/generation/me'), 200);
    expect(mine).toEqual({
      days: 30,
      requests: 4,
      successes: 2,
      failures: 1,
      cancellations: 1,
      images: 3,
      successRate: 0.5,
      averageDurationMs: 2_000,
    });
    const theirs = expectStatus(
      await call<MyGenerationStats>(bob, 'GET', `/analytics/generation/me?userId=${alice.user.id}`),
      200,
    );
    expect(theirs).toMatchObject({
      requests: 0,
      successes: 0,
      images: 0,
      successRate: null,
      averageDurationMs: null,
    });
    expect((await call(bob, 'GET', '/analytics/generation/me?days=400')).status).toBe(400);
  });
});

describe('cleanup job', () => {
  it('prunes analytics older than ANALYTICS_RETENTION_DAYS and keeps newer rows', async () => {
    const old = new Date(Math.floor((Date.now() - 100 * 86_400_000) / 3_600_000) * 3_600_000);
    const recent = new Date(Math.floor((Date.now() - 10 * 86_400_000) / 3_600_000) * 3_600_000);
    const route = `/test/${run}/retention`;
    for (const hour of [old, recent]) {
      await app.db
        .insertInto('route_analytics_hourly')
        .values({ hour, route, method: 'GET', requests: 1 })
        .execute();
      await app.db
        .insertInto('route_analytics_users')
        .values({ hour, route, method: 'GET', user_id: alice.user.id })
        .execute();
      await app.db
        .insertInto('generation_metrics_hourly')
        .values({ hour, checkpoint: `retention-${run}`, requests: 1 })
        .execute();
      await app.db
        .insertInto('generation_events')
        .values({ event_type: 'queued', checkpoint: `retention-${run}`, created_at: hour })
        .execute();
    }
    const cleanup = jobRegistry.get('cleanup');
    await cleanup?.run(
      {
        config: app.config,
        db: app.db,
        redis: app.redis,
        storage: app.storage,
        backends: app.backends,
        log: () => {},
      },
      {},
    );
    const hoursOf = async (table: 'route_analytics_hourly' | 'route_analytics_users') =>
      (await app.db.selectFrom(table).select('hour').where('route', '=', route).execute()).map((r) => r.hour);
    expect(await hoursOf('route_analytics_hourly')).toEqual([recent]);
    expect(await hoursOf('route_analytics_users')).toEqual([recent]);
    const metrics = await app.db
      .selectFrom('generation_metrics_hourly')
      .select('hour')
      .where('checkpoint', '=', `retention-${run}`)
      .execute();
    expect(metrics.map((r) => r.hour)).toEqual([recent]);
    const events = await app.db
      .selectFrom('generation_events')
      .select('created_at')
      .where('checkpoint', '=', `retention-${run}`)
      .execute();
    expect(events.map((r) => r.created_at)).toEqual([recent]);
  });

  it('registers both rollups as scheduled jobs every 5 minutes', () => {
    for (const name of ['rollup-route-analytics', 'rollup-generation-metrics'])
      expect(jobRegistry.get(name)?.schedule).toBe('*/5 * * * *');
  });
});
