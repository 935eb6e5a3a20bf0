// The generation pipeline when things go wrong or get busy: a dropped event stream, a server that needs
// an input we do not send, a worker process killed mid-job, two backends sharing the load, and another
// user reaching for someone else's job.
import type { HistoryResponse } from '@genonaut/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp } from './auth-helpers';
import {
  baseJob,
  contentOfJob,
  eventsOfJob,
  generationStack,
  submit,
  waitForJob,
  type GenerationStack,
} from './generation-helpers';

let stack: GenerationStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('an image server that misbehaves', () => {
  it('finishes a job by polling the history when the server drops its event stream', async () => {
    stack = await generationStack({ mock: { stepMs: 30, faults: { dropSockets: true } } });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, { ...baseJob, batchSize: 2, steps: 20 });
    const done = await waitForJob(
      stack.app,
      user,
      job.id,
      (j) => j.status !== 'queued' && j.status !== 'running',
    );
    expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null });
    expect(done.contentIds).toHaveLength(2);
    expect(await contentOfJob(stack.app, job.id)).toHaveLength(2);
  });

  it('fails at once with ComfyUI’s message when the server requires a node input the workflow lacks', async () => {
    stack = await generationStack({
      mock: { extraInputs: { KSampler: { noise_mode: [['fixed', 'random'], { default: 'fixed' }] } } },
    });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, baseJob);
    const failed = await waitForJob(stack.app, user, job.id, (j) => j.status === 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.error?.code).toBe('comfyui_validation');
    expect(failed.error?.message).toContain('KSampler');
    expect(failed.error?.message).toContain('Required input is missing: noise_mode');
    expect(await contentOfJob(stack.app, job.id)).toEqual([]);
  });
});

describe('a worker process killed mid-job', () => {
  it('is taken over by another worker: the job completes once, with no duplicate content items', async () => {
    stack = await generationStack({ mock: { stepMs: 100 }, env: { JOB_LOCK_MS: '2000' } });
    const user = await signUp(stack.app);
    const doomed = await stack.spawnWorker();
    const job = await submit(stack.app, user, { ...baseJob, batchSize: 2, steps: 40 });
    const running = await waitForJob(
      stack.app,
      user,
      job.id,
      (j) => j.status === 'running' && j.progress > 0,
      30_000,
    );
    expect(running.backend).toBe('mock');
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));

    // The image server keeps running the prompt; the new worker must pick up that run, not submit again.
    await stack.startWorker();
    const done = await waitForJob(stack.app, user, job.id, (j) => j.status !== 'running', 60_000);
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(done.contentIds).toHaveLength(2);
    const items = await contentOfJob(stack.app, job.id);
    expect(items.map((i) => i.output_index)).toEqual([0, 1]);
    expect(items.map((i) => Number(i.seed))).toEqual([baseJob.seed, baseJob.seed + 1]);
    const history = (await (await fetch(`${stack.mockUrl}/history`)).json()) as HistoryResponse;
    expect(Object.keys(history)).toHaveLength(1);

    const events = await eventsOfJob(stack.app, job.id);
    expect(events.filter((e) => e.event_type === 'completed')).toHaveLength(1);
  });
});

describe('two image servers', () => {
  it('spread four jobs across both', async () => {
    stack = await generationStack({ mock: { stepMs: 40 }, mock2: { stepMs: 40 } });
    const user = await signUp(stack.app);
    const jobs = [];
    for (let i = 0; i < 4; i += 1) jobs.push(await submit(stack.app, user, { ...baseJob, seed: 100 + i }));
    await stack.startWorker();
    const done = await Promise.all(
      jobs.map((job) => waitForJob(stack!.app, user, job.id, (j) => j.status === 'completed', 30_000)),
    );
    const perBackend = new Map<string, number>();
    for (const job of done) perBackend.set(job.backend ?? '', (perBackend.get(job.backend ?? '') ?? 0) + 1);
    expect([...perBackend.keys()].sort()).toEqual(['mock', 'mock2']);
    expect(perBackend.get('mock')).toBeGreaterThanOrEqual(1);
    expect(perBackend.get('mock2')).toBeGreaterThanOrEqual(1);
    const admin = await signUp(stack.app);
    await promoteToAdmin(stack.app, admin.user.id);
    const listed = await stack.app.inject(as(admin, { method: 'GET', url: '/api/v1/comfyui/backends' }));
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: { name: string; healthy: boolean }[] }>().items).toEqual([
      expect.objectContaining({ name: 'mock', healthy: true, url: stack.mockUrl }),
      expect.objectContaining({ name: 'mock2', healthy: true, url: stack.mock2Url }),
    ]);
    expect(
      (await stack.app.inject(as(user, { method: 'GET', url: '/api/v1/comfyui/backends' }))).statusCode,
    ).toBe(403);
    for (const url of [stack.mockUrl, stack.mock2Url ?? '']) {
      const history = (await (await fetch(`${url}/history`)).json()) as HistoryResponse;
      expect(Object.keys(history).length).toBe(perBackend.get(url === stack.mockUrl ? 'mock' : 'mock2'));
    }
  });
});

describe('another user', () => {
  it('cannot read, list, cancel or retry someone else’s job', async () => {
    stack = await generationStack({ mock: { faults: { validationFailure: true } } });
    const owner = await signUp(stack.app);
    const other = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, owner, baseJob);
    await waitForJob(stack.app, owner, job.id, (j) => j.status === 'failed');
    const url = `/api/v1/generation-jobs/${job.id}`;
    for (const request of [
      { method: 'GET' as const, url },
      { method: 'POST' as const, url: `${url}/cancel` },
      { method: 'POST' as const, url: `${url}/retry` },
    ]) {
      const response = await stack.app.inject(as(other, request));
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const list = await stack.app.inject(as(other, { method: 'GET', url: '/api/v1/generation-jobs' }));
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: number }[] }>().items.map((j) => j.id)).not.toContain(job.id);
    // Nothing changed for the owner.
    const owned = await waitForJob(stack.app, owner, job.id, () => true);
    expect(owned).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('a queue that refuses the entry', () => {
  it('answers 503 to a submission and to a retry, and leaves every job as it was', async () => {
    stack = await generationStack({ mock: { faults: { validationFailure: true } } });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, baseJob);
    await waitForJob(stack.app, user, job.id, (j) => j.status === 'failed');
    const rows = () =>
      stack!.app.db
        .selectFrom('generation_jobs')
        .select(['id', 'status', 'attempts', 'error_code', 'error_message', 'queued_at', 'completed_at'])
        .where('user_id', '=', user.user.id)
        .orderBy('id')
        .execute();
    const before = await rows();

    await stack.app.queues.get('generation').close();
    const submitted = await stack.app.inject(
      as(user, { method: 'POST', url: '/api/v1/generation-jobs', payload: baseJob }),
    );
    expect(submitted.statusCode).toBe(503);
    expect(submitted.json<{ error: { message: string } }>().error.message).toMatch(/queue/i);
    const retried = await stack.app.inject(
      as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/retry` }),
    );
    expect(retried.statusCode).toBe(503);
    expect(await rows()).toEqual(before);
  });
});
