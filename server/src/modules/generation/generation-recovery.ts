// Jobs the queue lost track of (Redis was emptied, or rows were written without a queue entry, as the
// demo data does): every queued or running job without a waiting, delayed or active queue entry is
// queued again when a worker starts. A running one resumes from ComfyUI's history (see generation.jobs.ts).
import type { Queue } from 'bullmq';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { GENERATE_JOB } from './generation-queue';

export async function requeueOrphans(db: Database, queue: Queue, config: Config): Promise<number[]> {
  const open = await db
    .selectFrom('generation_jobs')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute();
  if (open.length === 0) return [];
  const entries = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'], 0, -1);
  const known = new Set(entries.map((j) => (j.data as { jobId?: number }).jobId));
  const orphans = open.map((j) => j.id).filter((id) => !known.has(id));
  for (const id of orphans) {
    await queue.add(
      GENERATE_JOB,
      { jobId: id },
      {
        jobId: `gen-${id}-recovered-${Date.now()}`,
        attempts: config.generationMaxAttempts,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: 200,
        removeOnFail: 500,
      },
    );
  }
  return orphans;
}
