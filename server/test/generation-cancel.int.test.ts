// Cancelling at every moment a job can be in: queued after a retry or a recovery (its queue entry must
// go), and taken by a worker that still waits for a backend slot (its prompt must never run).
import { describe, expect, it } from 'vitest';
import { requeueOrphans } from '../src/modules/generation/generation-recovery';
import { as, signUp, type Session } from './auth-helpers';
import {
  baseJob,
  mockHistory,
  mockQueue,
  stackPerTest,
  submit,
  waitForJob,
  type GenerationStack,
} from './generation-helpers';

const stackFor = stackPerTest();

async function act(stack: GenerationStack, user: Session, id: number, action: 'cancel' | 'retry') {
  const response = await stack.app.inject(
    as(user, { method: 'POST', url: `/api/v1/generation-jobs/${id}/${action}` }),
  );
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
}

const waitingEntries = (stack: GenerationStack) =>
  stack.app.queues.get('generation').getJobCounts('waiting', 'prioritized', 'delayed');

describe('cancelling a queued job', () => {
  it('removes the queue entry of a job retried before', async () => {
    const stack = await stackFor();
    const user = await signUp(stack.app);
    const job = await submit(stack.app, user, baseJob);
    await act(stack, user, job.id, 'cancel');
    await act(stack, user, job.id, 'retry');
    expect(await waitingEntries(stack)).toMatchObject({ waiting: 1 });
    await act(stack, user, job.id, 'cancel');
    expect(await waitingEntries(stack)).toEqual({ waiting: 0, prioritized: 0, delayed: 0 });
  });

  it('removes the queue entry a recovery made', async () => {
    const stack = await stackFor();
    const user = await signUp(stack.app);
    const job = await submit(stack.app, user, baseJob);
    const queue = stack.app.queues.get('generation');
    await queue.obliterate({ force: true });
    expect(await requeueOrphans(stack.app.db, queue, stack.app.config)).toEqual([job.id]);
    expect(await waitingEntries(stack)).toMatchObject({ waiting: 1 });
    await act(stack, user, job.id, 'cancel');
    expect(await waitingEntries(stack)).toEqual({ waiting: 0, prioritized: 0, delayed: 0 });
  });
});

describe('cancelling a job that waits for a backend slot', () => {
  it('never runs its prompt, and the job ends cancelled', async () => {
    // One job at a time on `mock`; both jobs ask for it, so the worker holds B until A is done.
    const stack = await stackFor({
      mock: { stepMs: 50 },
      mock2: {},
      env: { COMFYUI_CONCURRENCY: '1' },
    });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const a = await submit(stack.app, user, { ...baseJob, backend: 'mock', steps: 60 });
    await waitForJob(stack.app, user, a.id, (j) => j.status === 'running' && j.progress > 0);
    const b = await submit(stack.app, user, { ...baseJob, backend: 'mock', seed: 99 });
    await waitForJob(stack.app, user, b.id, (j) => j.status === 'running');
    await act(stack, user, b.id, 'cancel');

    expect(await waitForJob(stack.app, user, a.id, (j) => j.status === 'completed', 30_000)).toMatchObject({
      status: 'completed',
    });
    // The worker is done with B once its queue entry has finished.
    const row = await stack.app.db
      .selectFrom('generation_jobs')
      .selectAll()
      .where('id', 'in', [a.id, b.id])
      .orderBy('id')
      .execute();
    const entry = await stack.app.queues.get('generation').getJob(row[1]?.queue_job_id ?? '');
    for (let i = 0; i < 400 && !(await entry?.isCompleted()) && !(await entry?.isFailed()); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await entry?.isCompleted()).toBe(true);

    expect(await waitForJob(stack.app, user, b.id, () => true)).toMatchObject({
      status: 'cancelled',
      contentIds: [],
    });
    const queue = await mockQueue(stack.mockUrl);
    expect([...queue.queue_running, ...queue.queue_pending]).toEqual([]);
    expect(Object.keys(await mockHistory(stack.mockUrl))).toEqual([row[0]?.comfyui_prompt_id]);
    expect(row[1]?.comfyui_prompt_id).toBeNull();
  });
});
