// Reads for the generation analytics: counts from generation_metrics_hourly (the rollup), percentiles
// over more than one hour straight from generation_events (percentiles of hours do not combine), and
// the failures, which need the events' error codes.
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface GenerationCountsRow {
  requests: number;
  successes: number;
  failures: number;
  cancellations: number;
  images: number;
}

const countColumns = sql`coalesce(sum(requests), 0) AS requests, coalesce(sum(successes), 0) AS successes,
  coalesce(sum(failures), 0) AS failures, coalesce(sum(cancellations), 0) AS cancellations,
  coalesce(sum(images), 0) AS images`;

/** '' is the rollup's row for all models together. */
export async function generationTotals(db: Database, since: Date): Promise<GenerationCountsRow> {
  const { rows } = await sql<GenerationCountsRow>`
    SELECT ${countColumns} FROM generation_metrics_hourly
    WHERE checkpoint = '' AND hour >= ${since}`.execute(db);
  return rows[0] ?? { requests: 0, successes: 0, failures: 0, cancellations: 0, images: 0 };
}

export async function generationModelTotals(
  db: Database,
  since: Date,
): Promise<(GenerationCountsRow & { checkpoint: string })[]> {
  const { rows } = await sql<GenerationCountsRow & { checkpoint: string }>`
    SELECT checkpoint, ${countColumns} FROM generation_metrics_hourly
    WHERE checkpoint <> '' AND hour >= ${since}
    GROUP BY checkpoint ORDER BY requests DESC, checkpoint`.execute(db);
  return rows;
}

export interface DurationRow {
  checkpoint: string;
  p50: number | null;
  p95: number | null;
  avg_queue_wait: number | null;
}

/** Duration percentiles of completed jobs (and the mean queue wait), overall ('') and per model. */
export async function generationDurations(db: Database, since: Date): Promise<DurationRow[]> {
  const model = sql`coalesce(nullif(checkpoint, ''), '(unknown)')`;
  const { rows } = await sql<DurationRow>`
    SELECT CASE WHEN grouping(${model}) = 1 THEN '' ELSE ${model} END AS checkpoint,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE event_type = 'completed') AS p50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE event_type = 'completed') AS p95,
      avg(queue_wait_ms) FILTER (WHERE event_type = 'started') AS avg_queue_wait
    FROM generation_events
    WHERE created_at >= ${since} AND event_type IN ('completed', 'started')
    GROUP BY GROUPING SETS ((${model}), ())`.execute(db);
  return rows;
}

export interface GenerationHourRow extends GenerationCountsRow {
  hour: Date;
  p50_duration_ms: number | null;
  p95_duration_ms: number | null;
}

export async function generationHours(db: Database, since: Date): Promise<GenerationHourRow[]> {
  return db
    .selectFrom('generation_metrics_hourly')
    .select([
      'hour',
      'requests',
      'successes',
      'failures',
      'cancellations',
      'images',
      'p50_duration_ms',
      'p95_duration_ms',
    ])
    .where('checkpoint', '=', '')
    .where('hour', '>=', since)
    .orderBy('hour')
    .execute();
}

export async function failureGroups(
  db: Database,
  since: Date,
): Promise<{ error_code: string; count: number; last_at: Date; checkpoints: string[] }[]> {
  const { rows } = await sql<{ error_code: string; count: number; last_at: Date; checkpoints: string[] }>`
    SELECT coalesce(error_code, 'unknown') AS error_code, count(*) AS count, max(created_at) AS last_at,
      array_remove(array_agg(DISTINCT checkpoint), NULL) AS checkpoints
    FROM generation_events
    WHERE event_type = 'failed' AND created_at >= ${since}
    GROUP BY 1 ORDER BY count DESC, error_code`.execute(db);
  return rows;
}

export async function recentFailures(db: Database, since: Date, limit: number) {
  return db
    .selectFrom('generation_events as e')
    .leftJoin('generation_jobs as j', 'j.id', 'e.job_id')
    .select(['e.job_id', 'e.error_code', 'j.error_message', 'e.checkpoint', 'e.backend', 'e.created_at'])
    .where('e.event_type', '=', 'failed')
    .where('e.created_at', '>=', since)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** One user's own generation activity, straight from their events (indexed by user and time). */
export async function userGenerationStats(db: Database, userId: string, since: Date) {
  const { rows } = await sql<GenerationCountsRow & { average_duration: number | null }>`
    SELECT count(*) FILTER (WHERE event_type IN ('queued', 'retried')) AS requests,
      count(*) FILTER (WHERE event_type = 'completed') AS successes,
      count(*) FILTER (WHERE event_type = 'failed') AS failures,
      count(*) FILTER (WHERE event_type = 'cancelled') AS cancellations,
      coalesce(sum(image_count) FILTER (WHERE event_type = 'completed'), 0) AS images,
      avg(duration_ms) FILTER (WHERE event_type = 'completed') AS average_duration
    FROM generation_events WHERE user_id = ${userId} AND created_at >= ${since}`.execute(db);
  return rows[0];
}

/** Tags per decade of item count (0, 1–9, 10–99, …; 6 = 100 000 and more) for one source. */
export async function tagCardinality(db: Database, source: string) {
  const { rows } = await sql<{
    bucket: number;
    tags: number;
    taggings: number;
    updated_at: Date | null;
  }>`
    SELECT CASE WHEN n = 0 THEN 0 ELSE least(floor(log(n::numeric))::int + 1, 6) END AS bucket,
      count(*) AS tags, sum(n) AS taggings, max(updated_at) AS updated_at
    FROM (
      SELECT coalesce(s.content_count, 0) AS n, s.updated_at
      FROM tags t LEFT JOIN tag_cardinality_stats s ON s.tag_id = t.id AND s.source = ${source}
    ) c GROUP BY 1`.execute(db);
  return rows;
}

export async function topTags(db: Database, source: string, limit: number) {
  return db
    .selectFrom('tag_cardinality_stats as s')
    .innerJoin('tags as t', 't.id', 's.tag_id')
    .select(['t.id', 't.slug', 't.name', 's.content_count'])
    .where('s.source', '=', source)
    .where('s.content_count', '>', 0)
    .orderBy('s.content_count', 'desc')
    .orderBy('t.slug')
    .limit(limit)
    .execute();
}
