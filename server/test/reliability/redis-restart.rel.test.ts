// Redis restarted empty (no persistence, as a cache node usually runs) while jobs are queued and running:
// reads that need only PostgreSQL keep working, submissions answer 503 until Redis is back, and then
// every job still completes once (the worker notices the empty Redis and queues its jobs again); a
// refused submission leaves no job row behind. Without redis-server it is skipped, except in CI.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreatedToken, GenerationJob } from '@genonaut/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable, startPrivateRedis, type PrivateRedis } from '../../src/runtime/redis-server';
import { as, signUp } from '../auth-helpers';
import { baseJob, generationStack, submit, waitForJob, type GenerationStack } from '../generation-helpers';

const installed = (await findExecutable('redis-server')) !== null;
// A developer without redis-server skips this test; CI must not pass without running it.
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
let redis: PrivateRedis | null = null;
let stack: GenerationStack | undefined;
let dir = '';
afterAll(async () => {
  await stack?.close();
  await redis?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('Redis restarted empty', () => {
  it.runIf(installed || inCi)(
    'keeps reads working, refuses submissions meanwhile, and loses no job',
    async () => {
      if (!installed) throw new Error('redis-server is not on the PATH: CI must run the Redis restart test');
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'genonaut-redis-restart-'));
      redis = await startPrivateRedis({ dir, log: () => {} });
      if (!redis) throw new Error('redis-server did not start');
      const port = Number(new URL(redis.url).port);
      stack = await generationStack({ env: { REDIS_URL: redis.url }, mock: { stepMs: 100 } });
      const { app } = stack;
      const user = await signUp(app);
      // An API token lives in PostgreSQL, so it still signs requests in while the sessions are gone.
      const created = await app.inject(
        as(user, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'restart test' } }),
      );
      const bearer = { authorization: `Bearer ${created.json<CreatedToken>().token}` };
      await stack.startWorker({ resyncIntervalMs: 300 });
      const running = await submit(app, user, { ...baseJob, steps: 40 });
      const queued = await submit(app, user, { ...baseJob, batchSize: 2, seed: 77 });
      await waitForJob(app, user, running.id, (j) => j.status === 'running' && j.progress > 0);

      await redis.stop();
      const gallery = await app.inject({ method: 'GET', url: '/api/v1/content?pageSize=5' });
      expect(gallery.statusCode).toBe(200);
      const jobs = await app.inject({ method: 'GET', url: '/api/v1/generation-jobs', headers: bearer });
      expect(jobs.statusCode).toBe(200);
      const jobsOfUser = () =>
        app.db
          .selectFrom('generation_jobs')
          .select(['id', 'seed'])
          .where('user_id', '=', user.user.id)
          .orderBy('id')
          .execute();
      const before = await jobsOfUser();
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/generation-jobs',
        headers: bearer,
        payload: { ...baseJob, seed: 4242 },
      });
      expect(refused.statusCode).toBe(503);
      // The row written before the queue refused the entry is gone again: no half-made job.
      expect(await jobsOfUser()).toEqual(before);
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.json<{ status: string }>().status).toBe('degraded');

      redis = await startPrivateRedis({ dir, log: () => {}, port });
      let accepted;
      for (let i = 0; i < 50; i += 1) {
        accepted = await app.inject({
          method: 'POST',
          url: '/api/v1/generation-jobs',
          headers: bearer,
          payload: { ...baseJob, seed: 99 },
        });
        if (accepted.statusCode === 202) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(accepted?.statusCode).toBe(202);
      const later = accepted?.json<GenerationJob>();

      const owner = { ...user, headers: bearer, cookie: '' };
      for (const job of [running, queued, later]) {
        if (!job) continue;
        const done = await waitForJob(
          app,
          owner,
          job.id,
          (j) => j.status === 'completed' || j.status === 'failed',
          60_000,
        );
        expect(done.status, `job ${job.id}`).toBe('completed');
        const items = await app.db
          .selectFrom('content_items')
          .select('output_index')
          .where('generation_job_id', '=', job.id)
          .execute();
        expect(items.map((i) => i.output_index).sort(), `job ${job.id}`).toEqual(
          Array.from({ length: job.batchSize }, (_, i) => i),
        );
      }
    },
  );
});
