// Jobs the queue lost track of (Redis was emptied, or rows were written without a queue entry, as the
// demo data does): every queued or running job without a waiting, delayed or active queue entry is
// queued again when a worker starts. A running one resumes from ComfyUI's history (see generation.jobs.ts).
import type { Queue } from 'bullmq';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { enqueueGeneration, newQueueJobId } from './generation-queue';
import { setQueueJobId } from './generation.repository';

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
    // Recorded before the entry exists, so a cancel arriving meanwhile still finds and removes it.
    const queueJobId = newQueueJobId(id);
    await setQueueJobId(db, id, queueJobId);
    await enqueueGeneration(queue, config, id, queueJobId);
  }
  return orphans;
}
