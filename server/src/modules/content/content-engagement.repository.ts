// SQL for what people do with an item: star ratings (triggers keep content_items.rating_avg/count right),
// interaction signals, and the "similar items" ranking.
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { visibleTo, type Viewer } from './content-visibility';

export type InteractionType = 'view' | 'like' | 'download' | 'share';

/**
 * Items sharing a tag are drawn from each of the item's tags, newest first and at most this many per tag:
 * that bounds the work on a tag carried by half the catalogue, while rare tags (the telling ones) are
 * drawn in full.
 */
const CANDIDATES_PER_TAG = 200;

export async function upsertRating(db: Database, userId: string, contentId: number, rating: number) {
  await db
    .insertInto('content_ratings')
    .values({ user_id: userId, content_id: contentId, rating })
    .onConflict((oc) => oc.columns(['user_id', 'content_id']).doUpdateSet({ rating }))
    .execute();
}

export async function deleteRating(db: Database, userId: string, contentId: number) {
  await db
    .deleteFrom('content_ratings')
    .where('user_id', '=', userId)
    .where('content_id', '=', contentId)
    .execute();
}

/** The item's average and count with the user's own rating (null when they have none). */
export function ratingState(db: Database, userId: string, contentId: number) {
  return db
    .selectFrom('content_items as c')
    .leftJoin('content_ratings as r', (join) =>
      join.onRef('r.content_id', '=', 'c.id').on('r.user_id', '=', userId),
    )
    .select(['c.rating_avg', 'c.rating_count', 'r.rating'])
    .where('c.id', '=', contentId)
    .executeTakeFirst();
}

export async function insertInteraction(
  db: Database,
  interaction: { userId: string | null; contentId: number; type: InteractionType },
) {
  await db
    .insertInto('user_interactions')
    .values({ user_id: interaction.userId, content_id: interaction.contentId, type: interaction.type })
    .execute();
}

/**
 * Ids of items the viewer may see that share the most tags with `contentId` (never itself), best first:
 * more shared tags, then higher quality, then newer.
 */
export async function similarContentIds(
  db: Database,
  contentId: number,
  viewer: Viewer | null,
  hideThreshold: number,
  limit: number,
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH source_tags AS (
      SELECT tag_id FROM content_tags WHERE content_id = ${contentId}
    ),
    candidates AS (
      SELECT DISTINCT p.content_id
      FROM source_tags st
      CROSS JOIN LATERAL (
        SELECT ct.content_id FROM content_tags ct
        WHERE ct.tag_id = st.tag_id AND ct.content_id <> ${contentId}
        ORDER BY ct.content_id DESC
        LIMIT ${CANDIDATES_PER_TAG}
      ) p
    )
    SELECT c.id
    FROM candidates k
    JOIN content_items c ON c.id = k.content_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS shared FROM content_tags x
      WHERE x.content_id = c.id AND x.tag_id IN (SELECT tag_id FROM source_tags)
    ) s
    WHERE ${visibleTo(viewer, hideThreshold)}
    ORDER BY s.shared DESC, c.quality_score DESC NULLS LAST, c.created_at DESC, c.id DESC
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
