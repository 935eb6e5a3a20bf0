// Resuming a run the image server is still executing: after a worker dies, the next one must follow the
// same prompt to its end (its events, or the history when no event reaches it), never submit it again.
import { describe, expect, it } from 'vitest';
import { ComfyClient } from '../src/comfyui/comfy-client';
import { runPrompt } from '../src/comfyui/comfy-run';
import { buildWorkflow } from '../src/comfyui/workflow-builder';
import { signUp } from './auth-helpers';
import {
  baseJob,
  jobContent,
  mockHistory,
  mockQueue,
  stackPerTest,
  submit,
  waitForJob,
} from './generation-helpers';

const stackFor = stackPerTest();

describe('a worker killed while the image server still runs its prompt', () => {
  it('is taken over on the same run: the job completes once, with one history entry', async () => {
    // 150 steps of 100 ms: the run outlasts the takeover (about two lock periods of 2 s). The timeout is
    // short of the test's so a worker that hears nothing of the run fails with `timeout` instead.
    const stack = await stackFor({
      mock: { stepMs: 100 },
      env: { JOB_LOCK_MS: '2000', GENERATION_TIMEOUT_MS: '45000' },
    });
    const user = await signUp(stack.app);
    const doomed = await stack.spawnWorker();
    const job = await submit(stack.app, user, { ...baseJob, batchSize: 2, steps: 150 });
    await waitForJob(stack.app, user, job.id, (j) => j.status === 'running' && j.progress > 0, 30_000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));

    await stack.startWorker();
    const takenOver = await waitForJob(
      stack.app,
      user,
      job.id,
      (j) => j.attempts === 2 || j.status !== 'running',
      30_000,
    );
    expect(takenOver.status).toBe('running');
    const row = await stack.app.db
      .selectFrom('generation_jobs')
      .select('comfyui_prompt_id')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    const queue = await mockQueue(stack.mockUrl);
    expect(queue.queue_running.map((item) => item[1])).toEqual([row.comfyui_prompt_id]);

    const done = await waitForJob(stack.app, user, job.id, (j) => j.status !== 'running', 60_000);
    expect(done).toMatchObject({ status: 'completed', attempts: 2, error: null });
    expect(done.contentIds).toHaveLength(2);
    expect((await jobContent(stack, job.id)).map((i) => i.output_index)).toEqual([0, 1]);
    expect(Object.keys(await mockHistory(stack.mockUrl))).toEqual([row.comfyui_prompt_id]);
    const completions = await stack.app.db
      .selectFrom('generation_events')
      .select('event_type')
      .where('job_id', '=', job.id)
      .where('event_type', '=', 'completed')
      .execute();
    expect(completions).toHaveLength(1);
  });
});

describe('following a run whose events go to another client', () => {
  it('finishes from the history while the event stream stays open and silent', async () => {
    const stack = await stackFor({ mock: { stepMs: 20 } });
    const client = new ComfyClient('mock', stack.mockUrl);
    const workflow = buildWorkflow({
      ...baseJob,
      jobId: 1,
      loras: [],
      seed: 7,
      steps: 20,
      denoise: 1,
    });
    // Submitted under another client id: none of the run's events reach the follower's socket.
    const promptId = await client.submit(workflow, 'someone-else');
    const result = await runPrompt(client, workflow, {
      clientId: 'follower',
      resumeRunId: promptId,
      timeoutMs: 30_000,
      historyPollMs: 500,
    });
    expect(result.promptId).toBe(promptId);
    expect(result.images).toHaveLength(1);
    expect(Object.keys(await mockHistory(stack.mockUrl))).toEqual([promptId]);
  });
});
