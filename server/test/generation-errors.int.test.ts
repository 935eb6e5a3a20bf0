// The pipeline's error paths end to end: a 5xx from ComfyUI is retried, an execution error fails the
// job, and a failed or cancelled job tells its owner (live event and notification).
import type { FastifyInstance } from 'fastify';
import type { JobEvent, ServerMessage } from '@genonaut/contracts';
import { describe, expect, it } from 'vitest';
import { comfyMockControl } from '../src/comfyui-mock/server';
import { as, signUp, type Session } from './auth-helpers';
import {
  baseJob,
  jobContent,
  liveEvents,
  mockHistory,
  stackPerTest,
  submit,
  waitForJob,
  type GenerationStack,
} from './generation-helpers';

const stackFor = stackPerTest();

function mockOf(stack: GenerationStack) {
  if (!stack.mock) throw new Error('the stack has no mock of its own');
  return comfyMockControl(stack.mock);
}

/** Waits until `messages` holds one matching `match` (the live socket is asynchronous). */
async function arrival(messages: ServerMessage[], match: (m: ServerMessage) => boolean) {
  for (let i = 0; i < 200 && !messages.some(match); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return messages.filter(match);
}

const jobEvents = (messages: ServerMessage[], jobId: number) =>
  messages.filter((m): m is JobEvent => m.type === 'job' && m.jobId === jobId);

const notificationsOf = (app: FastifyInstance, user: Session) =>
  app.db
    .selectFrom('notifications')
    .select(['type', 'related_job_id', 'message'])
    .where('user_id', '=', user.user.id)
    .execute();

describe('a ComfyUI that answers 5xx', () => {
  it('is retried, and the job then completes with one run on the server', async () => {
    const stack = await stackFor();
    const user = await signUp(stack.app);
    // The job names its backend, so the first request the worker makes to it is POST /prompt.
    mockOf(stack).setFaults({ serverErrorNext: 1 });
    await stack.startWorker();
    const job = await submit(stack.app, user, { ...baseJob, backend: 'mock' });
    const done = await waitForJob(
      stack.app,
      user,
      job.id,
      (j) => j.status !== 'queued' && j.status !== 'running',
    );
    expect(done).toMatchObject({ status: 'completed', attempts: 2, error: null });
    expect(mockOf(stack).faults().serverErrorNext).toBe(0);
    expect(Object.keys(await mockHistory(stack.mockUrl))).toHaveLength(1);
    expect(await jobContent(stack, job.id)).toHaveLength(1);
  });
});

describe('a run that fails on the server', () => {
  it('fails the job with `comfyui_error` at once, and tells the owner', async () => {
    const stack = await stackFor();
    const { app, apiUrl } = stack;
    const user = await signUp(app);
    mockOf(stack).setFaults({ failNext: 1 });
    const live = await liveEvents(apiUrl, user);
    await stack.startWorker();
    const job = await submit(app, user, { ...baseJob, steps: 10 });
    live.socket.send(JSON.stringify({ type: 'subscribe', jobIds: [job.id] }));
    const failed = await waitForJob(
      app,
      user,
      job.id,
      (j) => j.status !== 'queued' && j.status !== 'running',
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, contentIds: [] });
    expect(failed.error?.code).toBe('comfyui_error');
    expect(failed.error?.message).toContain('RuntimeError: Simulated failure');

    const [event] = await arrival(live.messages, (m) => m.type === 'job' && m.status === 'failed');
    expect(event).toMatchObject({
      jobId: job.id,
      status: 'failed',
      error: { code: 'comfyui_error', message: expect.stringContaining('Simulated failure') },
    });
    const [pushed] = await arrival(
      live.messages,
      (m) => m.type === 'notification' && m.notification.type === 'job_failed',
    );
    expect(pushed).toBeDefined();
    live.socket.close();
    expect(await notificationsOf(app, user)).toEqual([
      expect.objectContaining({ type: 'job_failed', related_job_id: job.id }),
    ]);
    expect(await jobContent(stack, job.id)).toEqual([]);
  });
});

describe('a cancelled job', () => {
  it('tells its owner: the live event and a notification', async () => {
    const stack = await stackFor({ mock: { stepMs: 100 } });
    const { app, apiUrl } = stack;
    const user = await signUp(app);
    const live = await liveEvents(apiUrl, user);
    await stack.startWorker();
    const job = await submit(app, user, { ...baseJob, steps: 60 });
    live.socket.send(JSON.stringify({ type: 'subscribe', jobIds: [job.id] }));
    await waitForJob(app, user, job.id, (j) => j.status === 'running' && j.progress > 0);
    const response = await app.inject(
      as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }),
    );
    expect(response.statusCode).toBe(200);

    await arrival(live.messages, (m) => m.type === 'job' && m.status === 'cancelled');
    await arrival(live.messages, (m) => m.type === 'notification' && m.notification.type === 'job_cancelled');
    live.socket.close();
    const events = jobEvents(live.messages, job.id);
    expect(events.filter((e) => e.status === 'cancelled')).toHaveLength(1);
    expect(events.some((e) => e.status === 'completed')).toBe(false);
    expect(await notificationsOf(app, user)).toEqual([
      expect.objectContaining({ type: 'job_cancelled', related_job_id: job.id }),
    ]);
  });
});
