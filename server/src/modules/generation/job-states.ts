// The job state machine (SPEC §5.2), enforced in one place: every status change goes through
// `transition`, an UPDATE guarded by the allowed source states, so concurrent actors cannot make an
// illegal move (a cancel racing a completion: exactly one wins).
import { sql, type Updateable } from 'kysely';
import type { JobStatus } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import type { GenerationJobs } from '../../db/types';

export const allowedTransitions: Record<JobStatus, JobStatus[]> = {
  queued: ['running', 'cancelled'],
  // running → running: a resumed attempt (retry after a connection error, or another worker taking over).
  running: ['running', 'completed', 'failed', 'cancelled'],
  completed: [],
  failed: ['queued'],
  cancelled: ['queued'],
};

export const terminalStates: JobStatus[] = ['completed', 'failed', 'cancelled'];

export function sourcesFor(target: JobStatus): JobStatus[] {
  return (Object.keys(allowedTransitions) as JobStatus[]).filter((from) =>
    allowedTransitions[from].includes(target),
  );
}

export async function transition(
  db: Database,
  jobId: number,
  to: JobStatus,
  patch: Updateable<GenerationJobs> = {},
): Promise<boolean> {
  const result = await db
    .updateTable('generation_jobs')
    .set({
      ...patch,
      status: to,
      ...(terminalStates.includes(to) ? { completed_at: sql`now()` } : { completed_at: null }),
    })
    .where('id', '=', jobId)
    .where('status', 'in', sourcesFor(to))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
