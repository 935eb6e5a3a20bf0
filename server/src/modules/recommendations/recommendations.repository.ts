// The stored recommendations: the user's list (read with the item cards in one indexed query), its atomic
// replacement by a refresh, feedback, and who counts as active. The scoring query is in
// recommender.repository.ts.
import { sql, type RawBuilder } from 'kysely';
import type { RecommendationFeedbackAction } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { contentFrom, selectSummary } from '../content/content.repository';
import { visibleTo } from '../content/content-visibility';

/** A user counts as active with any rating, bookmark, interaction, search or generation job this recent. */
export const ACTIVE_DAYS = 30;

export interface NewRecommendation {
  content_id: number;
  score: number;
  algorithm: string;
  reasons: unknown[];
}

/** A list this fresh is kept unless its user did something since it was computed. */
export const KEEP_QUIET_LIST_HOURS = 24;

/**
 * Whether user `u` did anything after `since`: a rating, bookmark, interaction, search, job, or a click
 * or dismissal on their list. Each test probes the user's own index ((user_id, created_at) for
 * interactions, searches and jobs; the user's rows of the primary or unique key for the others).
 */
function activityAfter(since: RawBuilder<unknown>) {
  return sql<boolean>`(
    EXISTS (SELECT 1 FROM content_ratings r WHERE r.user_id = u.id AND r.updated_at > ${since})
    OR EXISTS (SELECT 1 FROM bookmarks b WHERE b.user_id = u.id AND b.created_at > ${since})
    OR EXISTS (SELECT 1 FROM user_interactions i WHERE i.user_id = u.id AND i.created_at > ${since})
    OR EXISTS (SELECT 1 FROM user_search_history h WHERE h.user_id = u.id AND h.created_at > ${since})
    OR EXISTS (SELECT 1 FROM generation_jobs j WHERE j.user_id = u.id AND j.created_at > ${since})
    OR EXISTS (
      SELECT 1 FROM recommendations x
      WHERE x.user_id = u.id AND GREATEST(x.clicked_at, x.dismissed_at) > ${since}
    )
  )`;
}

/** Active users (see ACTIVE_DAYS) after `afterId`, in id order, `limit` at a time. */
export async function activeUserIds(db: Database, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT u.id FROM users u
    WHERE u.is_active AND (${afterId}::uuid IS NULL OR u.id > ${afterId}::uuid)
      AND ${activityAfter(sql`now() - make_interval(days => ${ACTIVE_DAYS})`)}
    ORDER BY u.id
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * The users whose list the hourly job recomputes, like activeUserIds: active users whose list is missing
 * or older than KEEP_QUIET_LIST_HOURS, and users who did something since their list was computed. A
 * quiet user's list is so recomputed daily (new items, rotation of items shown and not opened), not
 * hourly, which bounds a run by the users who were active in the last hour plus a 24th of the others.
 */
export async function usersDueForRefresh(
  db: Database,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT u.id FROM users u
    LEFT JOIN recommendation_refreshes f ON f.user_id = u.id
    WHERE u.is_active AND (${afterId}::uuid IS NULL OR u.id > ${afterId}::uuid)
      AND ${activityAfter(sql`(CASE
        WHEN f.refreshed_at > now() - make_interval(hours => ${KEEP_QUIET_LIST_HOURS}) THEN f.refreshed_at
        ELSE now() - make_interval(days => ${ACTIVE_DAYS}) END)`)}
    ORDER BY u.id
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

export function refreshStateOf(db: Database, userId: string) {
  return db
    .selectFrom('recommendation_refreshes')
    .select(['refreshed_at', 'item_count', 'notified_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Ids of the user's current list, best first. */
export async function listedIds(db: Database, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('recommendations')
    .select('content_id')
    .where('user_id', '=', userId)
    .where('dismissed_at', 'is', null)
    .where('replaced_at', 'is', null)
    .orderBy('score', 'desc')
    .orderBy('content_id', 'desc')
    .execute();
  return rows.map((r) => r.content_id);
}

/**
 * Replaces the user's list in one transaction, so a reader sees the old list or the new one, never an
 * empty one. Items that drop out keep their row (as `replaced_at`) when they carry feedback, since the
 * profile learns from it; dismissed rows are never touched. A per-user advisory lock serialises two
 * refreshes of the same user (the hourly job and a manual refresh).
 */
export async function replaceList(db: Database, userId: string, items: NewRecommendation[]): Promise<void> {
  const ids = items.map((i) => i.content_id);
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('recommendations:' || ${userId}))`.execute(trx);
    if (items.length > 0) {
      await sql`
        INSERT INTO recommendations (user_id, content_id, score, algorithm, reasons)
        SELECT ${userId}, x.content_id, x.score, x.algorithm, x.reasons
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
          AS x(content_id bigint, score float8, algorithm text, reasons jsonb)
        ON CONFLICT (user_id, content_id) DO UPDATE
          SET score = EXCLUDED.score, algorithm = EXCLUDED.algorithm, reasons = EXCLUDED.reasons,
            replaced_at = NULL
          WHERE recommendations.dismissed_at IS NULL`.execute(trx);
    }
    await sql`
      UPDATE recommendations SET replaced_at = now()
      WHERE user_id = ${userId} AND dismissed_at IS NULL AND replaced_at IS NULL
        AND (served_at IS NOT NULL OR clicked_at IS NOT NULL) AND content_id <> ALL(${ids}::bigint[])`.execute(
      trx,
    );
    await sql`
      DELETE FROM recommendations
      WHERE user_id = ${userId} AND dismissed_at IS NULL AND replaced_at IS NULL
        AND served_at IS NULL AND clicked_at IS NULL AND content_id <> ALL(${ids}::bigint[])`.execute(trx);
    await sql`
      INSERT INTO recommendation_refreshes (user_id, refreshed_at, item_count)
      VALUES (${userId}, now(), ${items.length})
      ON CONFLICT (user_id) DO UPDATE SET refreshed_at = now(), item_count = EXCLUDED.item_count`.execute(
      trx,
    );
  });
}

export async function markNotified(db: Database, userId: string): Promise<void> {
  await db
    .updateTable('recommendation_refreshes')
    .set({ notified_at: sql`now()` })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * The user's list with each item's card, best first: one query over the list index, skipping items that
 * became private or hidden since the refresh. Items the user rated or bookmarked since have already left
 * the list (a trigger, migration 20261203000100), so this query needs no look at ratings or bookmarks
 * (their planning cost more than the list itself took to read).
 */
export function listRecommendations(db: Database, userId: string, hideThreshold: number, limit: number) {
  // No viewer columns: the list never holds an item the user rated or bookmarked, so their bookmark
  // and rating are null by construction.
  return selectSummary(contentFrom(db), null)
    .innerJoin('recommendations as r', 'r.content_id', 'c.id')
    .select([
      'r.score',
      'r.algorithm',
      'r.reasons',
      'r.created_at as recommended_at',
      'r.served_at',
      'r.clicked_at',
      // When the list was computed, on every row (an init plan, read once), so the common read is one
      // round trip; an empty list has to ask recommendation_refreshes itself.
      sql<Date | null>`(SELECT s.refreshed_at FROM recommendation_refreshes s WHERE s.user_id = ${userId})`.as(
        'computed_at',
      ),
    ])
    .where('r.user_id', '=', userId)
    .where('r.dismissed_at', 'is', null)
    .where('r.replaced_at', 'is', null)
    .where(visibleTo({ id: userId, role: 'user' }, hideThreshold))
    .orderBy('r.score', 'desc')
    .orderBy('r.content_id', 'desc')
    .limit(limit)
    .execute();
}

export type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>[number];

/** Records feedback on an item of the user's list (dismissed ones included); undefined when it is not. */
export function recordFeedback(
  db: Database,
  userId: string,
  contentId: number,
  action: RecommendationFeedbackAction,
) {
  const set =
    action === 'served'
      ? { served_at: sql<Date>`COALESCE(served_at, now())` }
      : action === 'clicked'
        ? { served_at: sql<Date>`COALESCE(served_at, now())`, clicked_at: sql<Date>`now()` }
        : { dismissed_at: sql<Date>`COALESCE(dismissed_at, now())` };
  return db
    .updateTable('recommendations')
    .set(set)
    .where('user_id', '=', userId)
    .where('content_id', '=', contentId)
    .where('replaced_at', 'is', null)
    .returning(['content_id', 'served_at', 'clicked_at', 'dismissed_at'])
    .executeTakeFirst();
}

/** Tag slugs and names by id, and titles of items by id, for the reasons of a fresh list. */
export async function tagRefs(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, { slug: string; name: string }>();
  const rows = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

export async function titlesOf(db: Database, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom('content_items').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
