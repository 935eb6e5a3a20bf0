// Deleted content leaves its files behind in storage_deletions (a trigger queues them whatever deleted
// the row); this job removes the files and the queue rows, retrying failures on later runs.
import { sql } from 'kysely';
import { defineJob } from '../../jobs/job-definition';

const BATCH = 500;
const MAX_ATTEMPTS = 5;

export const cleanupJob = defineJob({
  name: 'cleanup',
  queue: 'maintenance',
  description: 'Delete files of deleted content and prune old analytics',
  schedule: '30 3 * * *',
  run: async (ctx) => {
    let deletedFiles = 0;
    let failedFiles = 0;
    for (;;) {
      const batch = await ctx.db
        .selectFrom('storage_deletions')
        .select(['id', 'storage_key'])
        .where('attempts', '<', MAX_ATTEMPTS)
        .where('created_at', '<', sql<Date>`now()`)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (batch.length === 0) break;
      const done: number[] = [];
      for (const row of batch) {
        try {
          await ctx.storage.delete(row.storage_key);
          done.push(row.id);
        } catch (error) {
          failedFiles += 1;
          await ctx.db
            .updateTable('storage_deletions')
            .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(error) }))
            .where('id', '=', row.id)
            .execute();
        }
      }
      if (done.length > 0) await ctx.db.deleteFrom('storage_deletions').where('id', 'in', done).execute();
      deletedFiles += done.length;
      if (batch.length < BATCH) break;
    }
    const cutoff = sql<Date>`now() - make_interval(days => ${ctx.config.analyticsRetentionDays})`;
    const routes = await ctx.db
      .deleteFrom('route_analytics_hourly')
      .where('hour', '<', cutoff)
      .executeTakeFirst();
    const generation = await ctx.db
      .deleteFrom('generation_metrics_hourly')
      .where('hour', '<', cutoff)
      .executeTakeFirst();
    const events = await ctx.db
      .deleteFrom('generation_events')
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return {
      deletedFiles,
      failedFiles,
      prunedRows: Number(routes.numDeletedRows + generation.numDeletedRows + events.numDeletedRows),
    };
  },
});
