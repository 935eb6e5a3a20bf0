// SQL of generation jobs: rows, the caller's list, active counts, and completion (content items for
// every output image and the job update in one transaction).
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { GenerationJobs } from '../../db/types';
import { tagIdForSlug } from '../../lib/tag-id';
import { screenContent } from '../moderation/moderation-screen.repository';
import { transition } from './job-states';

export type JobRow = Selectable<GenerationJobs>;

export function insertJob(db: Database, values: Insertable<GenerationJobs>): Promise<JobRow> {
  return db.insertInto('generation_jobs').values(values).returningAll().executeTakeFirstOrThrow();
}

export function setQueueJobId(db: Database, id: number, queueJobId: string): Promise<JobRow> {
  return db
    .updateTable('generation_jobs')
    .set({ queue_job_id: queueJobId })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Undoes a retry whose queue entry could not be made: the row goes back to exactly what it was. This is
 * the one status write outside `transition`, because it reverses a transition rather than making one.
 */
export async function restoreJob(db: Database, before: JobRow): Promise<void> {
  await db
    .updateTable('generation_jobs')
    .set({
      status: before.status,
      progress: before.progress,
      error_code: before.error_code,
      error_message: before.error_message,
      comfyui_prompt_id: before.comfyui_prompt_id,
      queue_job_id: before.queue_job_id,
      queued_at: before.queued_at,
      started_at: before.started_at,
      completed_at: before.completed_at,
    })
    .where('id', '=', before.id)
    .where('status', '=', 'queued')
    .execute();
}

export function findJob(db: Database, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('generation_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function contentIdsOf(db: Database, jobIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (jobIds.length === 0) return map;
  const rows = await db
    .selectFrom('content_items')
    .select(['id', 'generation_job_id'])
    .where('generation_job_id', 'in', jobIds)
    .orderBy('output_index')
    .execute();
  for (const row of rows) {
    if (row.generation_job_id === null) continue;
    map.set(row.generation_job_id, [...(map.get(row.generation_job_id) ?? []), row.id]);
  }
  return map;
}

export function listJobs(
  db: Database,
  userId: string,
  filter: { statuses?: string[]; beforeId?: number; limit: number },
) {
  return db
    .selectFrom('generation_jobs')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(Boolean(filter.statuses?.length), (q) => q.where('status', 'in', filter.statuses ?? []))
    .$if(filter.beforeId !== undefined, (q) => q.where('id', '<', filter.beforeId ?? 0))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** The user's queued and running jobs, oldest first. */
export function openJobsOf(db: Database, userId: string) {
  return db
    .selectFrom('generation_jobs')
    .select(['id', 'status'])
    .where('user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute();
}

/** Queued and running jobs per backend they were sent to (jobs not yet given one are not counted). */
export async function openJobsByBackend(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('generation_jobs')
    .select(['backend', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['queued', 'running'])
    .where('backend', 'is not', null)
    .groupBy('backend')
    .execute();
  return new Map(rows.map((r) => [r.backend ?? '', Number(r.n)]));
}

export async function deleteJobRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('generation_jobs').where('id', '=', id).execute();
}

export async function activeJobCount(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('generation_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StoredOutput {
  outputIndex: number;
  storageKey: string;
  mimeType: string;
  fileSize: number;
  width: number;
  height: number;
  thumbnails: unknown;
  seed: number;
}

/**
 * Completes a job: its move to `completed` (through the state machine, so only a running job completes),
 * one content item per output (idempotent through the (job, output index) key) and their tags, in one
 * transaction. Returns the item ids, or null when the job was no longer running (cancelled meanwhile).
 */
export async function completeJob(
  db: Database,
  job: JobRow,
  outputs: StoredOutput[],
  tagSlugs: string[],
): Promise<number[] | null> {
  return db.transaction().execute(async (trx) => {
    // The guarded update also locks the row: a cancel waits for this transaction, then finds it completed.
    const completed = await transition(trx, job.id, 'completed', {
      progress: 1,
      error_code: null,
      error_message: null,
    });
    if (!completed) return null;
    if (outputs.length > 0) {
      await trx
        .insertInto('content_items')
        .values(
          outputs.map((o) => ({
            source: job.source,
            creator_id: job.user_id,
            title: job.title ?? job.prompt.slice(0, 80),
            prompt: job.prompt,
            negative_prompt: job.negative_prompt,
            generation_job_id: job.id,
            output_index: o.outputIndex,
            checkpoint: job.checkpoint,
            loras: JSON.stringify(job.loras),
            seed: o.seed,
            steps: job.steps,
            cfg: job.cfg,
            sampler: job.sampler,
            scheduler: job.scheduler,
            denoise: job.denoise,
            width: o.width,
            height: o.height,
            storage_key: o.storageKey,
            mime_type: o.mimeType,
            file_size: o.fileSize,
            thumbnails: JSON.stringify(o.thumbnails),
            is_private: job.is_private,
          })),
        )
        .onConflict((oc) => oc.columns(['generation_job_id', 'output_index']).doNothing())
        .execute();
    }
    const items = await trx
      .selectFrom('content_items')
      .select('id')
      .where('generation_job_id', '=', job.id)
      .orderBy('output_index')
      .execute();
    const ids = items.map((i) => i.id);
    // The new items' prompt and title are checked before the completion commits (SPEC §9.5).
    await screenContent(trx, ids);
    const tagIds = [...new Set(tagSlugs)].map(tagIdForSlug);
    if (ids.length > 0 && tagIds.length > 0) {
      await sql`
        INSERT INTO content_tags (content_id, tag_id)
        SELECT c, t FROM unnest(${ids}::bigint[]) c CROSS JOIN (SELECT id AS t FROM tags WHERE id = ANY(${tagIds}::uuid[])) known
        ON CONFLICT DO NOTHING`.execute(trx);
    }
    return ids;
  });
}

export function recordGenerationEvent(
  db: Database,
  job: JobRow,
  eventType: 'queued' | 'started' | 'completed' | 'failed' | 'cancelled' | 'retried',
  extra: { durationMs?: number; queueWaitMs?: number; imageCount?: number; errorCode?: string } = {},
) {
  return db
    .insertInto('generation_events')
    .values({
      job_id: job.id,
      user_id: job.user_id,
      event_type: eventType,
      checkpoint: job.checkpoint,
      backend: job.backend,
      duration_ms: extra.durationMs ?? null,
      queue_wait_ms: extra.queueWaitMs ?? null,
      image_count: extra.imageCount ?? null,
      error_code: extra.errorCode ?? null,
    })
    .execute();
}
