// How generation jobs enter BullMQ: one queue entry per submission, retry or recovery, carrying only the
// job id. The entry's BullMQ id is stored on the job row (queue_job_id), so a cancel removes that entry.
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Config } from '../../config';
import { addJob } from '../../jobs/job-definition';

export const GENERATE_JOB = 'generate';

/**
 * A BullMQ id for a job's next queue entry, never used before: BullMQ ignores an add whose id it still
 * holds (a finished entry is kept for a while), so reusing one would leave the job queued for ever.
 */
export const newQueueJobId = (jobId: number) =>
  `gen-${jobId}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export function enqueueGeneration(queue: Queue, config: Config, jobId: number, queueJobId: string) {
  return addJob(
    queue,
    GENERATE_JOB,
    { jobId },
    {
      jobId: queueJobId,
      attempts: config.generationMaxAttempts,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 200,
      removeOnFail: 500,
    },
  );
}
