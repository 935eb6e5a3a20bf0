// The `backend` of a submission: with two mock image servers and a real worker, a job that names one runs
// there (even though the pool would otherwise pick the first), and a name no backend has is refused.
import type { ErrorResponse, HistoryResponse } from '@genonaut/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { as, signUp } from './auth-helpers';
import { baseJob, generationStack, submit, waitForJob, type GenerationStack } from './generation-helpers';

let stack: GenerationStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const historyOf = async (url: string) => (await (await fetch(`${url}/history`)).json()) as HistoryResponse;

describe('a submission naming a backend', () => {
  it('refuses a backend that is not configured, listing those that are', async () => {
    stack = await generationStack({ mock2: {} });
    const user = await signUp(stack.app);
    const response = await stack.app.inject(
      as(user, {
        method: 'POST',
        url: '/api/v1/generation-jobs',
        payload: { ...baseJob, backend: 'elsewhere' },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorResponse>().error.details).toEqual([
      { field: 'body.backend', message: 'unknown backend; configured: mock, mock2' },
    ]);
    const listed = await stack.app.inject(as(user, { method: 'GET', url: '/api/v1/generation-jobs' }));
    expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('runs every such job on that backend and none on the other', async () => {
    stack = await generationStack({ mock2: {} });
    const { app } = stack;
    const user = await signUp(app);
    const jobs = [];
    for (const seed of [1, 2, 3]) jobs.push(await submit(app, user, { ...baseJob, seed, backend: 'mock2' }));
    expect(jobs.map((j) => j.backend)).toEqual(['mock2', 'mock2', 'mock2']);
    await stack.startWorker();
    for (const job of jobs) {
      const done = await waitForJob(
        app,
        user,
        job.id,
        (j) => j.status === 'completed' || j.status === 'failed',
      );
      expect(done).toMatchObject({ status: 'completed', backend: 'mock2' });
    }
    const promptIds = await app.db
      .selectFrom('generation_jobs')
      .select('comfyui_prompt_id')
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .execute();
    expect(Object.keys(await historyOf(stack.mock2Url ?? '')).sort()).toEqual(
      promptIds.map((p) => p.comfyui_prompt_id).sort(),
    );
    expect(await historyOf(stack.mockUrl)).toEqual({});
  });
});
