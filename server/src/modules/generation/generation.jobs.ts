// The worker side of generation (SPEC §5.3): take a job, run it on an image server, store every output
// with thumbnails, create the content items with the job's completion in one transaction, then tag,
// announce and notify. Connection problems retry (BullMQ attempts with backoff); refusals, execution
// errors and timeouts fail at once; a worker that died mid-job resumes the run the backend recorded.
import { UnrecoverableError } from 'bullmq';
import type { JobContext, RunMeta } from '../../jobs/job-context';
import type { GeneratePayload } from '@genonaut/contracts/jobs';
import { defineJob } from '../../jobs/job-definition';
import {
  BackendExecutionError,
  BackendInterruptedError,
  BackendRejectedError,
  BackendTimeoutError,
  BackendUnavailableError,
} from '../../image-backends/backend-errors';
import { takeBackendSlot } from '../../image-backends/backend-slots';
import { announce, type EventDeps } from './job-events';
import { transition } from './job-states';
import { GENERATE_JOB } from './generation-queue';
import { findJob, recordGenerationEvent, type JobRow } from './generation.repository';
import { storeAndComplete } from './job-completion';
import { progressReporter, type ProgressReporter } from './job-progress';
import { requeueOrphans } from './generation-recovery';

async function fail(
  ctx: JobContext,
  events: EventDeps,
  job: JobRow,
  code: string,
  message: string,
): Promise<void> {
  if (
    await transition(ctx.db, job.id, 'failed', { error_code: code, error_message: message.slice(0, 2000) })
  ) {
    const failed = (await findJob(ctx.db, job.id)) ?? job;
    await recordGenerationEvent(ctx.db, failed, 'failed', {
      errorCode: code,
      durationMs: failed.started_at ? Date.now() - failed.started_at.getTime() : undefined,
    });
    await announce(events, failed, 'failed', { error: { code, message } });
  }
}

export async function processGeneration(
  ctx: JobContext,
  payload: GeneratePayload,
  meta: RunMeta,
): Promise<Record<string, unknown>> {
  const events: EventDeps = { db: ctx.db, redis: ctx.redis, prefix: ctx.config.redisKeyPrefix };
  const queued = await findJob(ctx.db, payload.jobId);
  if (!queued || (queued.status !== 'queued' && queued.status !== 'running'))
    return { skipped: queued?.status ?? 'missing' };

  // The worker has taken the job: it is running from here, also while it waits for a backend.
  const started = await transition(ctx.db, queued.id, 'running', { attempts: queued.attempts + 1 });
  if (!started) return { skipped: 'no longer runnable' };
  const stillRunning = async () => (await findJob(ctx.db, queued.id))?.status === 'running';
  let lease;
  try {
    lease = await takeBackendSlot(
      {
        redis: ctx.redis,
        prefix: ctx.config.redisKeyPrefix,
        pool: ctx.backends,
        leaseMs: ctx.config.jobLockMs,
      },
      queued.backend,
      async () => !(await stillRunning()),
    );
  } catch (error) {
    return retryOrFail(ctx, events, (await findJob(ctx.db, queued.id)) ?? queued, meta, error);
  }
  // Cancelled while it waited for a slot: nothing reached the server, nothing to abandon.
  if (!lease) return { cancelled: true };
  // The run on the server this attempt follows (resumed or submitted): abandoned if a cancel comes.
  let runId: string | null = null;
  let progress: ProgressReporter | undefined;
  try {
    // The cancel may also land between the last look and taking the slot.
    if (!(await stillRunning())) return { cancelled: true };
    // It starts when it first has a server: an attempt that found none, or a worker that died, does not
    // start it again (one `started` event per run, its queue wait counting the time without a server).
    const firstStart = queued.started_at === null;
    await ctx.db
      .updateTable('generation_jobs')
      .set({ backend: lease.backend.name, ...(firstStart ? { started_at: new Date() } : {}) })
      .where('id', '=', queued.id)
      .execute();
    const job = (await findJob(ctx.db, queued.id)) ?? queued;
    if (firstStart) {
      await recordGenerationEvent(ctx.db, job, 'started', {
        queueWaitMs: Date.now() - job.queued_at.getTime(),
      });
      await announce(events, job, 'running', { progress: 0 });
    }
    const startedAt = job.started_at?.getTime() ?? Date.now();
    const request = {
      jobId: job.id,
      prompt: job.prompt,
      negativePrompt: job.negative_prompt ?? '',
      checkpoint: job.checkpoint,
      loras: Array.isArray(job.loras)
        ? (job.loras as { name: string; strengthModel: number; strengthClip: number }[])
        : [],
      width: job.width,
      height: job.height,
      batchSize: job.batch_size,
      seed: job.seed,
      steps: job.steps,
      cfg: job.cfg,
      sampler: job.sampler,
      scheduler: job.scheduler,
      denoise: job.denoise,
    };
    runId = job.backend === lease.backend.name ? job.comfyui_prompt_id : null;
    progress = progressReporter(events, job);
    const reporter = progress;
    const run = await lease.backend.run(request, {
      resumeRunId: runId,
      onSubmitted: async (submitted) => {
        runId = submitted;
        await ctx.db
          .updateTable('generation_jobs')
          .set({ comfyui_prompt_id: submitted })
          .where('id', '=', job.id)
          .execute();
      },
      onProgress: (fraction) => reporter.report(fraction),
      isCancelled: async () => (await findJob(ctx.db, job.id))?.status === 'cancelled',
      // Each attempt gets the whole budget: a job taken over after a crash, or a demo row queued again
      // days after it was written, must not fail at once for time its earlier attempt spent.
      timeoutMs: ctx.config.generationTimeoutMs,
    });
    // No progress event may follow the final one.
    await progress.settled();
    const contentIds = await storeAndComplete(
      { db: ctx.db, storage: ctx.storage, events, warn: ctx.log },
      job,
      run.images,
      startedAt,
    );
    return contentIds ? { contentIds } : { cancelled: true };
  } catch (error) {
    await progress?.settled();
    const current = (await findJob(ctx.db, queued.id)) ?? queued;
    if (current.status === 'cancelled') {
      // The cancel may have come before the run id was recorded, so the API could not take the run off
      // the server: whatever this attempt submitted or followed goes now.
      if (runId) await lease.backend.abandon(runId).catch(() => {});
      return { cancelled: true };
    }
    if (error instanceof BackendRejectedError) {
      await fail(ctx, events, current, 'comfyui_validation', error.message);
      throw new UnrecoverableError(error.message);
    }
    if (error instanceof BackendExecutionError || error instanceof BackendInterruptedError) {
      await fail(ctx, events, current, 'comfyui_error', error.message);
      throw new UnrecoverableError(error.message);
    }
    if (error instanceof BackendTimeoutError) {
      // Free the server: the result is no longer wanted.
      await lease.backend.abandon(error.runId).catch(() => {});
      await fail(ctx, events, current, 'timeout', error.message);
      throw new UnrecoverableError(error.message);
    }
    return await retryOrFail(ctx, events, current, meta, error);
  } finally {
    await lease.release().catch(() => {});
  }
}

/** Connection problems: BullMQ retries with backoff; after the last attempt the job fails clearly. */
async function retryOrFail(
  ctx: JobContext,
  events: EventDeps,
  job: JobRow,
  meta: RunMeta,
  error: unknown,
): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  const last = meta.attemptsMade + 1 >= meta.maxAttempts;
  if (last || !(error instanceof BackendUnavailableError)) {
    await fail(
      ctx,
      events,
      job,
      error instanceof BackendUnavailableError ? 'comfyui_unavailable' : 'internal',
      `${message} (after ${meta.attemptsMade + 1} attempt(s))`,
    );
    throw new UnrecoverableError(message);
  }
  await ctx.db
    .updateTable('generation_jobs')
    .set({
      error_message: `Attempt ${meta.attemptsMade + 1} of ${meta.maxAttempts} failed: ${message}`.slice(
        0,
        2000,
      ),
    })
    .where('id', '=', job.id)
    .execute();
  throw error;
}

export const generationJobs = [
  defineJob({
    name: GENERATE_JOB,
    queue: 'generation',
    description: 'Run a generation job on an image server',
    // Jobs beyond a backend's free slots wait in takeBackendSlot, so each worker can take as many as all
    // the backends run at once (several workers share the slots).
    concurrency: (ctx) => Math.max(1, ctx.backends.totalCapacity),
    run: (ctx, payload, meta) => processGeneration(ctx, payload, meta ?? { attemptsMade: 0, maxAttempts: 1 }),
    recover: async (ctx, queue) => {
      const recovered = await requeueOrphans(ctx.db, queue, ctx.config);
      return recovered.length > 0
        ? `queued again ${recovered.length} job(s) the queue did not hold: ${recovered.join(', ')}`
        : null;
    },
  }),
];
