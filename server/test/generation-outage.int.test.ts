// An image server that is down, failing or too slow (SPEC §13), and what must hold afterwards, checked in
// the database: a job whose server comes back completes once, with one content item per image; a job
// whose server never answers fails clearly with no content items; a job past its time budget fails with
// `timeout` and its run is removed from the server. Throughout, /api/v1/health answers and names the
// server that is down.
import type { HealthResponse, HistoryResponse } from '@genonaut/contracts';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { comfyMockControl } from '../src/comfyui-mock/server';
import { signUp } from './auth-helpers';
import {
  baseJob,
  contentOfJob,
  eventsOfJob,
  generationStack,
  jobRow,
  submit,
  waitForJob,
  waitForRow,
  type GenerationStack,
} from './generation-helpers';

let stack: GenerationStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function health(app: FastifyInstance) {
  const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
  return { statusCode: response.statusCode, body: response.json<HealthResponse>() };
}

/** The API keeps answering, degraded, and says the image server is down. */
async function expectHealthWithServerDown(app: FastifyInstance) {
  const { statusCode, body } = await health(app);
  expect(statusCode).toBe(200);
  expect(body.status).toBe('degraded');
  expect(body.checks.database.status).toBe('ok');
  expect(body.checks.comfyui).toEqual([expect.objectContaining({ name: 'mock', status: 'down' })]);
}

const terminal = (status: string) => status === 'completed' || status === 'failed';
const firstAttemptFailed = (row: { error_message: string | null }) =>
  /^Attempt 1 of 3 failed/.test(row.error_message ?? '');

async function promptsOnServer(stack: GenerationStack): Promise<string[]> {
  return Object.keys((await (await fetch(`${stack.mockUrl}/history`)).json()) as HistoryResponse);
}

describe('an image server down for a while', () => {
  it('answering 5xx before the job starts: the job retries, then completes once', async () => {
    stack = await generationStack({ mock: { stepMs: 20 } });
    const control = comfyMockControl(stack.mock!);
    const user = await signUp(stack.app);
    control.setFaults({ serverErrorNext: 1_000_000 });
    await stack.startWorker();
    const job = await submit(stack.app, user, { ...baseJob, batchSize: 2 });

    // The first attempt finds no healthy server and is retried with backoff.
    const waiting = await waitForRow(stack.app, job.id, firstAttemptFailed);
    expect(waiting.status).toBe('running');
    expect(waiting.error_message).toMatch(/No image server is reachable/);
    expect(await contentOfJob(stack.app, job.id)).toEqual([]);
    await expectHealthWithServerDown(stack.app);

    control.setFaults({ serverErrorNext: 0 });
    const done = await waitForJob(stack.app, user, job.id, (j) => terminal(j.status));
    expect(done).toMatchObject({ status: 'completed', error: null, progress: 1 });
    const row = await jobRow(stack.app, job.id);
    expect(row).toMatchObject({ status: 'completed', error_code: null, error_message: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    const items = await contentOfJob(stack.app, job.id);
    expect(items.map((i) => [i.output_index, Number(i.seed)])).toEqual([
      [0, baseJob.seed],
      [1, baseJob.seed + 1],
    ]);
    expect(await promptsOnServer(stack)).toEqual([row.comfyui_prompt_id]);
    expect((await eventsOfJob(stack.app, job.id)).map((e) => e.event_type)).toEqual([
      'queued',
      'started',
      'completed',
    ]);
    expect((await health(stack.app)).body.status).toBe('ok');
  });

  it('refusing connections mid-run: the job follows the same run once the server is back', async () => {
    stack = await generationStack({ mock: { stepMs: 100 } });
    const control = comfyMockControl(stack.mock!);
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, { ...baseJob, batchSize: 2, steps: 40 });
    await waitForJob(stack.app, user, job.id, (j) => j.status === 'running' && j.progress > 0);

    // The server keeps running the prompt but cannot be reached: the event stream drops, polling fails.
    control.setFaults({ refuseConnections: true });
    const waiting = await waitForRow(stack.app, job.id, firstAttemptFailed);
    expect(waiting.status).toBe('running');
    expect(waiting.error_message).toMatch(/unreachable/);
    await expectHealthWithServerDown(stack.app);

    control.setFaults({ refuseConnections: false });
    const done = await waitForJob(stack.app, user, job.id, (j) => terminal(j.status), 60_000);
    expect(done).toMatchObject({ status: 'completed', error: null });
    const row = await jobRow(stack.app, job.id);
    expect(row).toMatchObject({ status: 'completed', error_code: null, error_message: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect((await contentOfJob(stack.app, job.id)).map((i) => i.output_index)).toEqual([0, 1]);
    // Followed, not submitted again.
    expect(await promptsOnServer(stack)).toEqual([row.comfyui_prompt_id]);
    const events = (await eventsOfJob(stack.app, job.id)).map((e) => e.event_type);
    expect(events).toEqual(['queued', 'started', 'completed']);
  });
});

describe('an image server down for good', () => {
  it('retries a backend that refuses connections, then fails with a clear error and nothing made', async () => {
    stack = await generationStack({ comfyUrl: 'http://127.0.0.1:9' });
    const user = await signUp(stack.app);
    await stack.startWorker();
    const job = await submit(stack.app, user, baseJob);
    await waitForRow(stack.app, job.id, firstAttemptFailed);
    await expectHealthWithServerDown(stack.app);

    const failed = await waitForJob(stack.app, user, job.id, (j) => j.status === 'failed', 30_000);
    expect(failed.error?.code).toBe('comfyui_unavailable');
    expect(failed.error?.message).toMatch(/unreachable|No image server/);
    expect(failed.error?.message).toContain('after 3 attempt(s)');
    const row = await jobRow(stack.app, job.id);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      error_code: 'comfyui_unavailable',
      comfyui_prompt_id: null,
    });
    expect(row.error_message).toContain('after 3 attempt(s)');
    expect(row.completed_at).not.toBeNull();
    expect(await contentOfJob(stack.app, job.id)).toEqual([]);
    expect(await eventsOfJob(stack.app, job.id)).toEqual([
      { event_type: 'queued', error_code: null },
      { event_type: 'failed', error_code: 'comfyui_unavailable' },
    ]);
    await expectHealthWithServerDown(stack.app);
  });
});

describe('an image server slower than the time budget', () => {
  it('fails the job with `timeout` and removes its run from the server', async () => {
    stack = await generationStack({ mock: { stepMs: 400 }, env: { GENERATION_TIMEOUT_MS: '5000' } });
    const control = comfyMockControl(stack.mock!);
    const user = await signUp(stack.app);
    // Slow to answer too: longer than the health check waits, well within the client's timeout.
    control.setFaults({ responseDelayMs: 1_600 });
    await stack.startWorker();
    // 100 steps of 400 ms: the run would still be going long after the job gave up on it.
    const job = await submit(stack.app, user, { ...baseJob, steps: 100 });
    await waitForJob(stack.app, user, job.id, (j) => j.status === 'running' && j.progress > 0);
    await expectHealthWithServerDown(stack.app);

    const failed = await waitForJob(stack.app, user, job.id, (j) => j.status !== 'running', 30_000);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('timeout');
    const row = await jobRow(stack.app, job.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, error_code: 'timeout' });
    expect(row.comfyui_prompt_id).not.toBeNull();
    expect(await contentOfJob(stack.app, job.id)).toEqual([]);
    expect(await eventsOfJob(stack.app, job.id)).toEqual([
      { event_type: 'queued', error_code: null },
      { event_type: 'started', error_code: null },
      { event_type: 'failed', error_code: 'timeout' },
    ]);

    // The run was interrupted on the server, not left to finish.
    control.setFaults({ responseDelayMs: 0 });
    const until = Date.now() + 10_000;
    while (control.queueRemaining() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(control.queueRemaining()).toBe(0);
    const history = (await (
      await fetch(`${stack.mockUrl}/history/${row.comfyui_prompt_id}`)
    ).json()) as HistoryResponse;
    const messages = history[row.comfyui_prompt_id ?? '']?.status.messages.map(([type]) => type);
    expect(messages).toContain('execution_interrupted');
  });
});
