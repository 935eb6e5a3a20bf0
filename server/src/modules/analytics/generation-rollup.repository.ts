// rollup-generation-metrics: generation_events → generation_metrics_hourly. Idempotent by recomputing
// whole hours: every hour touched by an event newer than the checkpoint (the highest event id seen), plus
// the current and the previous hour always, because an event id taken by a transaction that commits
// late can be lower than the checkpoint while its created_at is recent.
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export const GENERATION_CHECKPOINT = 'generation-metrics';

export interface GenerationRollupResult {
  hours: number;
  rows: number;
}

export async function rollupGenerationMetrics(db: Database): Promise<GenerationRollupResult> {
  return db.transaction().execute(async (trx) => {
    // One rollup at a time: two recomputing the same hour would race on the delete-and-insert.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${GENERATION_CHECKPOINT}))`.execute(trx);
    const checkpoint = await trx
      .selectFrom('rollup_checkpoints')
      .select('last_id')
      .where('name', '=', GENERATION_CHECKPOINT)
      .executeTakeFirst();
    const lastId = Number(checkpoint?.last_id ?? 0);
    const { rows: touched } = await sql<{ hour: Date; max_id: number | null }>`
      SELECT hour, max(max_id) AS max_id FROM (
        SELECT date_trunc('hour', created_at) AS hour, max(id) AS max_id
        FROM generation_events WHERE id > ${lastId} GROUP BY 1
        UNION ALL SELECT date_trunc('hour', now()), NULL
        UNION ALL SELECT date_trunc('hour', now() - interval '1 hour'), NULL
      ) t GROUP BY hour`.execute(trx);
    const hours = touched.map((t) => t.hour);
    await trx.deleteFrom('generation_metrics_hourly').where('hour', 'in', hours).execute();
    // GROUPING SETS give each model's row and the '' row for all models in one pass.
    const model = sql`coalesce(nullif(e.checkpoint, ''), '(unknown)')`;
    const inserted = await sql`
      INSERT INTO generation_metrics_hourly (hour, checkpoint, requests, successes, failures, cancellations,
        images, p50_duration_ms, p95_duration_ms, p99_duration_ms, avg_queue_wait_ms, p95_queue_wait_ms)
      SELECT h.hour, CASE WHEN grouping(${model}) = 1 THEN '' ELSE ${model} END,
        count(*) FILTER (WHERE e.event_type IN ('queued', 'retried')),
        count(*) FILTER (WHERE e.event_type = 'completed'),
        count(*) FILTER (WHERE e.event_type = 'failed'),
        count(*) FILTER (WHERE e.event_type = 'cancelled'),
        coalesce(sum(e.image_count) FILTER (WHERE e.event_type = 'completed'), 0),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_ms) FILTER (WHERE e.event_type = 'completed'),
        percentile_cont(0.95) WITHIN GROUP (ORDER BY e.duration_ms) FILTER (WHERE e.event_type = 'completed'),
        percentile_cont(0.99) WITHIN GROUP (ORDER BY e.duration_ms) FILTER (WHERE e.event_type = 'completed'),
        avg(e.queue_wait_ms) FILTER (WHERE e.event_type = 'started'),
        percentile_cont(0.95) WITHIN GROUP (ORDER BY e.queue_wait_ms) FILTER (WHERE e.event_type = 'started')
      FROM unnest(${hours}::timestamptz[]) AS h(hour)
      JOIN generation_events e ON e.created_at >= h.hour AND e.created_at < h.hour + interval '1 hour'
      GROUP BY GROUPING SETS ((h.hour, ${model}), (h.hour))
    `.execute(trx);
    const maxId = Math.max(lastId, ...touched.map((t) => Number(t.max_id ?? 0)));
    if (maxId > lastId) {
      await trx
        .insertInto('rollup_checkpoints')
        .values({ name: GENERATION_CHECKPOINT, last_id: String(maxId) })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: String(maxId), updated_at: sql`now()` }))
        .execute();
    }
    return { hours: hours.length, rows: Number(inserted.numAffectedRows ?? 0) };
  });
}
