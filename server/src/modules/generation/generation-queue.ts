// How generation jobs enter BullMQ: one queue job per attempt chain, carrying only the job id.
import type { Queue } from 'bullmq';
import type { Config } from '../../config';
import { addJob } from '../../jobs/job-definition';

export const GENERATE_JOB = 'generate';

/** The BullMQ job id of a generation job's n-th run (a retry through the API starts a new chain). */
export const queueJobId = (jobId: number, run: number) => `gen-${jobId}-${run}`;

export function enqueueGeneration(queue: Queue, config: Config, jobId: number, run: number) {
  return addJob(
    queue,
    GENERATE_JOB,
    { jobId },
    {
      jobId: queueJobId(jobId, run),
      attempts: config.generationMaxAttempts,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: 200,
      removeOnFail: 500,
    },
  );
}
