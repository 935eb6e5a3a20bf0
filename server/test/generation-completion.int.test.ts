// The end of a run, against the real database, Redis and storage: progress is pushed only while the job
// runs, and outputs stored for a job that was cancelled meanwhile are removed again.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@genonaut/contracts';
import type { OutputImage } from '../src/image-backends/image-backend';
import { createRedis } from '../src/lib/redis';
import { findJob } from '../src/modules/generation/generation.repository';
import { storeAndComplete } from '../src/modules/generation/job-completion';
import type { EventDeps } from '../src/modules/generation/job-events';
import { progressReporter } from '../src/modules/generation/job-progress';
import { userChannel } from '../src/realtime/event-bus';
import { createJob, createUser } from './factories';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let events: EventDeps;
beforeAll(async () => {
  app = await buildTestApp();
  events = { db: app.db, redis: app.redis, prefix: app.config.redisKeyPrefix };
});
afterAll(async () => {
  await app.close();
});

/** Every message on a user's channel, and a way to know all published before now have arrived. */
async function listen(userId: string): Promise<{ messages: ServerMessage[]; drained(): Promise<void> }> {
  const subscriber: Redis = createRedis(app.config.redisUrl);
  await subscriber.connect();
  const channel = userChannel(app.config.redisKeyPrefix, userId);
  const messages: ServerMessage[] = [];
  let marker: (() => void) | undefined;
  subscriber.on('message', (_channel: string, text: string) => {
    if (text === 'marker') marker?.();
    else messages.push(JSON.parse(text) as ServerMessage);
  });
  await subscriber.subscribe(channel);
  return {
    messages,
    // Redis delivers one connection's publishes in order: once the marker arrives, so has all before it.
    drained: async () => {
      const arrived = new Promise<void>((resolve) => (marker = resolve));
      await app.redis.publish(channel, 'marker');
      await arrived;
      subscriber.disconnect();
    },
  };
}

const png = (shade: number) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: shade, g: 0, b: 0 } } })
    .png()
    .toBuffer();

const images = async (count: number): Promise<OutputImage[]> =>
  Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const bytes = await png(40 * i);
      return { name: `out_${i}.png`, fetch: async () => bytes };
    }),
  );

async function jobIn(status: 'running' | 'completed') {
  const user = await createUser(app.db);
  const job = await createJob(app.db, user.id, {
    status,
    attempts: 1,
    started_at: new Date(),
    completed_at: status === 'running' ? null : new Date(),
  });
  return { user, job };
}

describe('progress', () => {
  it('is written and pushed while the job runs', async () => {
    const { user, job } = await jobIn('running');
    const live = await listen(user.id);
    const reporter = progressReporter(events, job);
    reporter.report(0.4);
    await reporter.settled();
    await live.drained();
    expect(live.messages).toEqual([expect.objectContaining({ type: 'job', jobId: job.id, progress: 0.4 })]);
    expect((await findJob(app.db, job.id))?.progress).toBe(0.4);
  });

  it('is neither written nor pushed once the job has ended', async () => {
    const { user, job } = await jobIn('completed');
    const live = await listen(user.id);
    const reporter = progressReporter(events, job);
    reporter.report(0.4);
    await reporter.settled();
    await live.drained();
    expect(live.messages).toEqual([]);
    expect((await findJob(app.db, job.id))?.progress).toBe(0);
  });
});

describe('storeAndComplete', () => {
  const deps = () => ({ db: app.db, storage: app.storage, events, warn: () => {} });

  it('completes a running job with one item per image, its files under keys of the attempt', async () => {
    const { job } = await jobIn('running');
    const ids = await storeAndComplete(deps(), job, await images(2), Date.now());
    expect(ids).toHaveLength(2);
    expect(await findJob(app.db, job.id)).toMatchObject({ status: 'completed', progress: 1 });
    const items = await app.db
      .selectFrom('content_items')
      .select(['storage_key', 'thumbnails'])
      .where('generation_job_id', '=', job.id)
      .orderBy('output_index')
      .execute();
    expect(items.map((i) => i.storage_key)).toEqual([
      `jobs/${job.id}/1/0/original.png`,
      `jobs/${job.id}/1/1/original.png`,
    ]);
    for (const item of items) {
      expect(await app.storage.exists(item.storage_key ?? '')).toBe(true);
      const thumbnails = item.thumbnails as Record<string, { key: string }>;
      expect(await app.storage.exists(thumbnails.large?.key ?? '')).toBe(true);
    }
  });

  it('removes the files it stored for a job cancelled meanwhile, and makes no item', async () => {
    const { user, job } = await jobIn('running');
    // The cancel lands while the images are being stored: the first fetch is where it happens.
    const [first, second] = await images(2);
    if (!first || !second) throw new Error('no images');
    const cancelling: OutputImage = {
      name: first.name,
      fetch: async () => {
        await app.db
          .updateTable('generation_jobs')
          .set({ status: 'cancelled', completed_at: new Date() })
          .where('id', '=', job.id)
          .execute();
        return first.fetch();
      },
    };
    const live = await listen(user.id);
    expect(await storeAndComplete(deps(), job, [cancelling, second], Date.now())).toBeNull();
    await live.drained();
    expect(live.messages).toEqual([]);
    expect(await findJob(app.db, job.id)).toMatchObject({ status: 'cancelled' });
    const items = await app.db
      .selectFrom('content_items')
      .select('id')
      .where('generation_job_id', '=', job.id)
      .execute();
    expect(items).toEqual([]);
    for (const index of [0, 1]) {
      for (const file of ['original.png', 'small.webp', 'medium.webp', 'large.webp']) {
        expect(await app.storage.exists(`jobs/${job.id}/1/${index}/${file}`), file).toBe(false);
      }
    }
  });
});
