// Per-backend concurrency across worker processes (SPEC §5.3): the limit is one count shared by every
// worker, not one per worker.
import { describe, expect, it } from 'vitest';
import { comfyMockControl } from '../src/comfyui-mock/server';
import { signUp } from './auth-helpers';
import { baseJob, mockHistory, stackPerTest, submit, waitForJob } from './generation-helpers';

const stackFor = stackPerTest();

describe('two workers and one backend that runs one job at a time', () => {
  it('never give the backend two of our prompts at once', async () => {
    const stack = await stackFor({ mock: { stepMs: 20 }, env: { COMFYUI_CONCURRENCY: '1' } });
    const { app, mock, mockUrl } = stack;
    const user = await signUp(app);
    const jobs = [];
    for (let i = 0; i < 4; i += 1) jobs.push(await submit(app, user, { ...baseJob, seed: 500 + i }));
    // Each worker alone may take a job (one slot per worker's share of the backends): together they
    // would hand the server two prompts at once if each counted only its own.
    await stack.startWorker();
    await stack.startWorker();
    const done = await Promise.all(
      jobs.map((job) => waitForJob(app, user, job.id, (j) => j.status === 'completed', 60_000)),
    );
    expect(done.map((j) => j.contentIds.length)).toEqual([1, 1, 1, 1]);
    expect(Object.keys(await mockHistory(mockUrl))).toHaveLength(4);
    expect(mock && comfyMockControl(mock).peakQueueRemaining()).toBe(1);
  });
});
