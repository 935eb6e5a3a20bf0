// The two precomputed statistics tables. Each refresh is one transaction that upserts fresh counts and
// removes rows that no longer apply, so readers always see a complete table (never an empty one).
import { sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * Items per tag and source, counting only items everyone may see (public, not hidden by moderation
 * above `hideThreshold`): the counts are shown to everyone, so they must not reveal private items.
 */
export async function refreshTagCardinalityStats(db: Database, hideThreshold: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: number }>`
      WITH fresh AS (
        SELECT ct.tag_id, c.source, count(*) AS content_count
        FROM content_tags ct JOIN content_items c ON c.id = ct.content_id
        WHERE NOT c.is_private AND NOT (c.moderation_status = 'pending' AND c.risk_score > ${hideThreshold})
        GROUP BY GROUPING SETS ((ct.tag_id, c.source), (ct.tag_id))
      ), upserted AS (
        INSERT INTO tag_cardinality_stats (tag_id, source, content_count, updated_at)
        SELECT tag_id, COALESCE(source, 'all'), content_count, now() FROM fresh
        ON CONFLICT (tag_id, source) DO UPDATE
          SET content_count = EXCLUDED.content_count, updated_at = EXCLUDED.updated_at
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM upserted`.execute(trx);
    await sql`
      DELETE FROM tag_cardinality_stats s
      WHERE s.updated_at < now()`.execute(trx);
    return rows[0]?.n ?? 0;
  });
}

/**
 * Per creator and source, and for everyone (user_id NULL): all items and the items anyone may see
 * (public and not hidden by moderation above `hideThreshold`).
 */
export async function refreshGenSourceStats(db: Database, hideThreshold: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: number }>`
      WITH fresh AS (
        SELECT creator_id AS user_id, source, count(*) AS count,
          count(*) FILTER (
            WHERE NOT is_private AND NOT (moderation_status = 'pending' AND risk_score > ${hideThreshold})
          ) AS public_count
        FROM content_items
        GROUP BY GROUPING SETS ((creator_id, source), (source))
      ), upserted AS (
        INSERT INTO gen_source_stats (user_id, source, count, public_count, updated_at)
        SELECT user_id, source, count, public_count, now() FROM fresh
        ON CONFLICT (user_id, source) DO UPDATE
          SET count = EXCLUDED.count, public_count = EXCLUDED.public_count, updated_at = EXCLUDED.updated_at
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM upserted`.execute(trx);
    await sql`DELETE FROM gen_source_stats WHERE updated_at < now()`.execute(trx);
    return rows[0]?.n ?? 0;
  });
}
