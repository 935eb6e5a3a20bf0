// The worker host runs registered jobs from real BullMQ queues; the stats and cleanup jobs do their work
// against the real database and storage.
import { backendPoolFor } from '../src/image-backends/backend-pool';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../src/jobs/job-context';
import { bullConnection, bullPrefix, type QueueName } from '../src/jobs/queues';
import { buildRegistry, jobRegistry } from '../src/jobs/registry';
import { startWorkerHost } from '../src/jobs/worker-host';
import { createRedis } from '../src/lib/redis';
import { refreshGenSourceStats, refreshTagCardinalityStats } from '../src/modules/stats/stats.repository';
import { LocalStorage } from '../src/storage/local-storage';
import { createContent, createTag, createUser } from './factories';
import { testConfig, testDatabase } from './test-context';

const db = testDatabase();
const config = testConfig();
let dir: string;
let ctx: JobContext;

beforeAll(async () => {
  dir = config.storageDir;
  const redis = createRedis(config.redisUrl, { blocking: true });
  ctx = {
    config,
    db,
    redis,
    storage: new LocalStorage(dir),
    backends: backendPoolFor(config),
    log: () => {},
  };
});
afterAll(async () => {
  ctx.redis.disconnect();
  await db.destroy();
});

/** A producer on one of the queues and its event stream, to wait for a job's outcome. */
function queueWithEvents(name: QueueName) {
  return {
    queue: new Queue(name, { connection: bullConnection(config, false), prefix: bullPrefix(config) }),
    events: new QueueEvents(name, { connection: bullConnection(config, true), prefix: bullPrefix(config) }),
  };
}

describe('job registry', () => {
  it('refuses a job name registered twice', () => {
    const job = jobRegistry.get('cleanup');
    if (!job) throw new Error('cleanup is not registered');
    expect(() => buildRegistry([job, job])).toThrow(/registered twice/);
  });

  it('registers the scheduled maintenance jobs', () => {
    expect([...jobRegistry.keys()]).toEqual(
      expect.arrayContaining(['refresh-tag-cardinality-stats', 'refresh-gen-source-stats', 'cleanup']),
    );
  });
});

describe('worker host', () => {
  it('runs a job taken from the real queue and schedules the periodic ones', async () => {
    const host = await startWorkerHost(ctx, jobRegistry);
    const { queue, events } = queueWithEvents('maintenance');
    try {
      await events.waitUntilReady();
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key).sort()).toEqual([
        'cleanup',
        'refresh-gen-source-stats',
        'refresh-recommendations',
        'refresh-tag-cardinality-stats',
        'rollup-generation-metrics',
        'rollup-route-analytics',
        'sync-models',
      ]);
      const job = await queue.add('refresh-gen-source-stats', {});
      const result = (await job.waitUntilFinished(events, 20_000)) as { rows: number };
      expect(result.rows).toBeGreaterThanOrEqual(0);
    } finally {
      await host.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describe('a job taken with a malformed payload', () => {
  it('fails at once with a message naming the problem, and is not retried', async () => {
    const host = await startWorkerHost(ctx, jobRegistry);
    const { queue, events } = queueWithEvents('generation');
    try {
      await events.waitUntilReady();
      // Written past addJob, as an older release or a hand-made entry could have.
      const job = await queue.add('generate', { jobId: 'seven' }, { attempts: 3 });
      await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(
        'job "generate" has a malformed payload: jobId must be integer',
      );
      const failed = await queue.getJob(job.id ?? '');
      expect(failed?.attemptsMade).toBe(1);
      expect(await failed?.getState()).toBe('failed');
    } finally {
      await host.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describe('stats jobs', () => {
  it('count public items per tag and source, and drop tags that lost their content', async () => {
    const user = await createUser(db);
    const tag = await createTag(db);
    const regular = await createContent(db, user.id, { source: 'regular' });
    const auto = await createContent(db, user.id, { source: 'auto' });
    await db
      .insertInto('content_tags')
      .values([
        { content_id: regular.id, tag_id: tag.id },
        { content_id: auto.id, tag_id: tag.id },
      ])
      .execute();
    await refreshTagCardinalityStats(db, 75);
    const stats = () =>
      db
        .selectFrom('tag_cardinality_stats')
        .select(['source', 'content_count'])
        .where('tag_id', '=', tag.id)
        .orderBy('source')
        .execute();
    expect(await stats()).toEqual([
      { source: 'all', content_count: 2 },
      { source: 'auto', content_count: 1 },
      { source: 'regular', content_count: 1 },
    ]);
    await db.deleteFrom('content_items').where('id', '=', auto.id).execute();
    await refreshTagCardinalityStats(db, 75);
    expect(await stats()).toEqual([
      { source: 'all', content_count: 1 },
      { source: 'regular', content_count: 1 },
    ]);
    // Counts are public: a private item and one hidden by moderation are not counted.
    await createContent(db, user.id, { is_private: true }).then((c) =>
      db.insertInto('content_tags').values({ content_id: c.id, tag_id: tag.id }).execute(),
    );
    await createContent(db, user.id, { moderation_status: 'pending', risk_score: 80 }).then((c) =>
      db.insertInto('content_tags').values({ content_id: c.id, tag_id: tag.id }).execute(),
    );
    await refreshTagCardinalityStats(db, 75);
    expect((await stats())[0]).toEqual({ source: 'all', content_count: 1 });
  });

  it('count items per creator and source, and for everyone', async () => {
    const user = await createUser(db);
    await createContent(db, user.id, { source: 'regular' });
    await createContent(db, user.id, { source: 'regular' });
    await createContent(db, user.id, { source: 'auto' });
    await refreshGenSourceStats(db, 75);
    const mine = await db
      .selectFrom('gen_source_stats')
      .select(['source', 'count'])
      .where('user_id', '=', user.id)
      .orderBy('source')
      .execute();
    expect(mine).toEqual([
      { source: 'auto', count: 1 },
      { source: 'regular', count: 2 },
    ]);
    const everyone = await db
      .selectFrom('gen_source_stats')
      .select(['source', 'count'])
      .where('user_id', 'is', null)
      .execute();
    expect(everyone).toHaveLength(2);
    expect(everyone.every((row) => row.count >= 1)).toBe(true);
  });
});

describe('cleanup job', () => {
  it('deletes the files of deleted content and empties the deletion queue', async () => {
    const user = await createUser(db);
    const prefix = `content/test/${user.id}`;
    await ctx.storage.put(`${prefix}/original.png`, Buffer.from('png'), 'image/png');
    await ctx.storage.put(`${prefix}/small.webp`, Buffer.from('webp'), 'image/webp');
    const item = await createContent(db, user.id, {
      storage_key: `${prefix}/original.png`,
      thumbnails: JSON.stringify({ small: { key: `${prefix}/small.webp` } }),
    });
    await db.deleteFrom('content_items').where('id', '=', item.id).execute();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const cleanup = jobRegistry.get('cleanup');
    const result = await cleanup?.run(ctx, {});
    expect(result?.deletedFiles).toBeGreaterThanOrEqual(2);
    expect(await ctx.storage.exists(`${prefix}/original.png`)).toBe(false);
    expect(await ctx.storage.exists(`${prefix}/small.webp`)).toBe(false);
    const left = await db
      .selectFrom('storage_deletions')
      .select('id')
      .where('storage_key', 'like', `${prefix}/%`)
      .execute();
    expect(left).toEqual([]);
  });
});
