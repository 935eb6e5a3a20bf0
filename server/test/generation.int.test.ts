// The generation pipeline end to end: the real queue and worker, the ComfyUI mock over HTTP and
// WebSocket, storage, content items, live events and notifications.
import type { ContentDetail, ErrorResponse, JobEvent, QueueResponse } from '@genonaut/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { requeueOrphans } from '../src/modules/generation/generation-recovery';
import { as, signUp } from './auth-helpers';
import { createTag } from './factories';
import {
  baseJob,
  generationStack,
  liveEvents,
  submit,
  waitForJob,
  type GenerationStack,
} from './generation-helpers';

let stack: GenerationStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('a batch of 3', () => {
  it('completes with monotone progress events, 3 stored images and a notification', async () => {
    stack = await generationStack();
    const { app, apiUrl } = stack;
    const user = await signUp(app);
    const live = await liveEvents(apiUrl, user);
    const tag = await createTag(app.db);
    const job = await submit(app, user, {
      ...baseJob,
      batchSize: 3,
      seed: -1,
      steps: 20,
      tags: [tag.slug],
      title: 'Lighthouse',
    });
    expect(job.status).toBe('queued');
    expect(job.seed).toBeGreaterThanOrEqual(0);
    live.socket.send(JSON.stringify({ type: 'subscribe', jobIds: [job.id] }));
    await stack.startWorker();

    const done = await waitForJob(
      app,
      user,
      job.id,
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(done).toMatchObject({
      status: 'completed',
      progress: 1,
      backend: 'mock',
      attempts: 1,
      error: null,
    });
    expect(done.contentIds).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 300));
    live.socket.close();

    const events = live.messages.filter((m): m is JobEvent => m.type === 'job' && m.jobId === job.id);
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.some((e) => e.status === 'running' && e.progress > 0 && e.progress < 1)).toBe(true);
    expect(events[events.length - 1]).toMatchObject({
      status: 'completed',
      progress: 1,
      contentIds: done.contentIds,
    });
    expect(
      live.messages.some((m) => m.type === 'notification' && m.notification.type === 'job_completed'),
    ).toBe(true);

    for (const [index, id] of done.contentIds.entries()) {
      const item = (
        await app.inject(as(user, { method: 'GET', url: `/api/v1/content/${id}` }))
      ).json<ContentDetail>();
      expect(item).toMatchObject({
        prompt: baseJob.prompt,
        negativePrompt: baseJob.negativePrompt,
        checkpoint: baseJob.checkpoint,
        steps: 20,
        cfg: 6.5,
        sampler: 'euler',
        scheduler: 'karras',
        width: 256,
        height: 320,
        seed: done.seed + index,
        generationJobId: job.id,
        outputIndex: index,
        title: 'Lighthouse',
        source: 'regular',
      });
      expect(item.tags.map((t) => t.slug)).toContain(tag.slug);
      for (const size of ['', '?size=small', '?size=medium']) {
        const image = await app.inject(
          as(user, { method: 'GET', url: `/api/v1/content/${id}/image${size}` }),
        );
        expect(image.statusCode).toBe(200);
        expect(image.headers['content-type']).toBe(size ? 'image/webp' : 'image/png');
      }
    }
    const notes = await app.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', user.user.id)
      .execute();
    expect(notes).toEqual([expect.objectContaining({ type: 'job_completed', related_job_id: job.id })]);
  });
});

describe('failures', () => {
  it('fails at once with ComfyUI’s message when the server lacks the checkpoint', async () => {
    stack = await generationStack({ mock: { faults: { validationFailure: true } } });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, baseJob);
    const failed = await waitForJob(stack.app, user, job.id, (j) => j.status === 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.error?.code).toBe('comfyui_validation');
    expect(failed.error?.message).toMatch(/ckpt_name/);
    expect(failed.error?.message).toContain('sd_v1-5-pruned-emaonly.safetensors');
  });
});

describe('cancel', () => {
  it('cancels a queued job: it leaves the queue and never runs', async () => {
    stack = await generationStack();
    const user = await signUp(stack.app);
    const job = await submit(stack.app, user, baseJob);
    const response = await stack.app.inject(
      as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<{ status: string }>().status).toBe('cancelled');
    expect(await stack.app.queues.get('generation').getJobCounts('waiting')).toEqual({ waiting: 0 });
    await stack.startWorker();
    await new Promise((r) => setTimeout(r, 500));
    expect((await waitForJob(stack.app, user, job.id, () => true)).status).toBe('cancelled');
  });

  it('cancels a running job: it ends cancelled and the mock no longer holds it', async () => {
    stack = await generationStack({ mock: { stepMs: 200 } });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, { ...baseJob, steps: 40 });
    await waitForJob(stack.app, user, job.id, (j) => j.status === 'running' && j.progress > 0);
    const response = await stack.app.inject(
      as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }),
    );
    expect(response.statusCode).toBe(200);
    const cancelled = await waitForJob(stack.app, user, job.id, (j) => j.status === 'cancelled');
    expect(cancelled.contentIds).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    const queue = (await (await fetch(`${stack.mockUrl}/queue`)).json()) as QueueResponse;
    expect([...queue.queue_running, ...queue.queue_pending]).toEqual([]);
    expect((await waitForJob(stack.app, user, job.id, () => true)).status).toBe('cancelled');
  });

  it('refuses another user and a finished job', async () => {
    stack = await generationStack();
    const owner = await signUp(stack.app);
    const other = await signUp(stack.app);
    const job = await submit(stack.app, owner, baseJob);
    const attempt = await stack.app.inject(
      as(other, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }),
    );
    expect(attempt.statusCode).toBe(404);
    expect(
      (await stack.app.inject(as(other, { method: 'GET', url: `/api/v1/generation-jobs/${job.id}` })))
        .statusCode,
    ).toBe(404);
    await stack.app.inject(as(owner, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }));
    const again = await stack.app.inject(
      as(owner, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }),
    );
    expect(again.statusCode).toBe(409);
  });
});

describe('submission', () => {
  it('requires authentication and refuses unknown models, listing the available ones', async () => {
    stack = await generationStack();
    expect(
      (await stack.app.inject({ method: 'POST', url: '/api/v1/generation-jobs', payload: baseJob }))
        .statusCode,
    ).toBe(401);
    const user = await signUp(stack.app);
    const response = await stack.app.inject(
      as(user, {
        method: 'POST',
        url: '/api/v1/generation-jobs',
        payload: { ...baseJob, checkpoint: 'nope.safetensors' },
      }),
    );
    expect(response.statusCode).toBe(400);
    const error = response.json<ErrorResponse>().error;
    expect(error.details?.[0]?.field).toBe('body.checkpoint');
    expect(error.details?.[0]?.message).toContain('sd_xl_base_1.0.safetensors');
    const bad = await stack.app.inject(
      as(user, {
        method: 'POST',
        url: '/api/v1/generation-jobs',
        payload: { ...baseJob, width: 100, batchSize: 9 },
      }),
    );
    expect(
      bad
        .json<ErrorResponse>()
        .error.details?.map((d) => d.field)
        .sort(),
    ).toEqual(['body.batchSize', 'body.width']);
  });

  it('limits active jobs per user with 429', async () => {
    stack = await generationStack({ env: { GENERATION_MAX_ACTIVE_JOBS: '2' } });
    const user = await signUp(stack.app);
    await submit(stack.app, user, baseJob);
    await submit(stack.app, user, baseJob);
    const third = await stack.app.inject(
      as(user, { method: 'POST', url: '/api/v1/generation-jobs', payload: baseJob }),
    );
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
  });

  it('retries a cancelled job with the same id', async () => {
    stack = await generationStack();
    const user = await signUp(stack.app);
    const job = await submit(stack.app, user, baseJob);
    await stack.app.inject(as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }));
    const retried = await stack.app.inject(
      as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/retry` }),
    );
    expect(retried.json<{ id: number; status: string }>()).toMatchObject({ id: job.id, status: 'queued' });
    await stack.startWorker();
    expect(
      (await waitForJob(stack.app, user, job.id, (j) => j.status === 'completed')).contentIds,
    ).toHaveLength(1);
  });
});

describe('recovery', () => {
  it('queues again a queued job the queue does not hold, and runs it', async () => {
    stack = await generationStack();
    const user = await signUp(stack.app);
    const job = await submit(stack.app, user, baseJob);
    // Redis lost the entry (emptied, or the row was written by the demo seed).
    await stack.app.queues.get('generation').obliterate({ force: true });
    const recovered = await requeueOrphans(
      stack.app.db,
      stack.app.queues.get('generation'),
      stack.app.config,
    );
    expect(recovered).toContain(job.id);
    await stack.startWorker();
    expect(
      (await waitForJob(stack.app, user, job.id, (j) => j.status === 'completed')).contentIds,
    ).toHaveLength(1);
  });
});
