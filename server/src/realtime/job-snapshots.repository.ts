// The current state of a user's jobs as WebSocket job events: what a client gets when it subscribes.
import { sql } from 'kysely';
import type { JobEvent, JobStatus } from '@genonaut/contracts';
import type { Database } from '../db/database';

/** Snapshots of those of `jobIds` that belong to `userId`; other users' jobs are simply not found. */
export async function ownJobSnapshots(db: Database, userId: string, jobIds: number[]): Promise<JobEvent[]> {
  if (jobIds.length === 0) return [];
  const rows = await db
    .selectFrom('generation_jobs as j')
    .select([
      'j.id',
      'j.status',
      'j.progress',
      'j.error_code',
      'j.error_message',
      sql<(number | string)[] | null>`(
        SELECT array_agg(c.id ORDER BY c.output_index, c.id) FROM content_items c WHERE c.generation_job_id = j.id
      )`.as('content_ids'),
    ])
    .where('j.user_id', '=', userId)
    .where('j.id', 'in', jobIds)
    .execute();
  return rows.map((row) => ({
    type: 'job',
    jobId: row.id,
    // The table's CHECK holds the same list as the contract's union.
    status: row.status as JobStatus,
    progress: row.progress,
    ...(row.content_ids && row.content_ids.length > 0 ? { contentIds: row.content_ids.map(Number) } : {}),
    ...(row.error_code
      ? { error: { code: row.error_code, message: row.error_message ?? row.error_code } }
      : {}),
  }));
}
