// The recommender's one query (SPEC §9.6; how it scores: docs/recommendations.md). For one user it builds
// a profile from what they did, draws bounded candidates from three sources, and scores each candidate:
//
//   profile    item signals: ratings (stars − 3), bookmarks (+2), likes (+1.5), downloads/shares (+0.75),
//              clicked recommendations (+1), dismissed ones (−2); spread over the items' tags, plus
//              favourite tags (+3) and tag ratings ((stars − 3) · 1.5); each tag weighted by its IDF
//              from tag_cardinality_stats, so a rare shared tag says more than "portrait".
//   candidates (a) the newest items of the profile's top tags, (b) items that people who bookmarked or
//              rated the user's liked items highly also liked, (c) popular and new items (cold start).
//   score      0.6 · tag match (positive minus negative tags) + 0.3 · co-occurrence (damped by the
//              item's own popularity) + 0.1 · popularity, each normalised to the user's best candidate;
//              an item shown for over a day without a click loses a fifth.
//
// Every step reads through an index with a LIMIT, so the work per user is bounded whatever the catalogue
// size: at most PROFILE_ITEMS signals per source, TOP_TAGS × PER_TAG + SEEDS × CO_USERS × PER_CO_USER +
// 3 × POPULAR candidates.
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { visibleTo } from '../content/content-visibility';

const PROFILE_ITEMS = 200;
const TOP_TAGS = 20;
const NEGATIVE_TAGS = 10;
const PER_TAG = 150;
const SEEDS = 20;
const CO_USERS = 50;
const PER_CO_USER = 20;
const POPULAR = 100;

export interface CandidateRow {
  content_id: number;
  title: string;
  score: number;
  tag_part: number;
  co_part: number;
  pop_part: number;
  /** The positive profile tags the item carries, strongest first (at most three). */
  tag_ids: string[] | null;
  /** The liked item whose fans led here most strongly. */
  seed_id: number | null;
}

/** The scoring query for one user (exported on its own so it can be EXPLAINed). */
export function candidatesQuery(userId: string, hideThreshold: number, limit: number) {
  return sql<CandidateRow>`
    WITH item_signals AS (
      SELECT content_id, sum(w)::float8 AS w FROM (
        (SELECT content_id, (rating - 3)::float8 AS w FROM content_ratings
          WHERE user_id = ${userId} ORDER BY updated_at DESC LIMIT ${PROFILE_ITEMS})
        UNION ALL
        (SELECT content_id, 2.0 FROM bookmarks
          WHERE user_id = ${userId} ORDER BY created_at DESC LIMIT ${PROFILE_ITEMS})
        UNION ALL
        (SELECT content_id, CASE type WHEN 'like' THEN 1.5 ELSE 0.75 END FROM user_interactions
          WHERE user_id = ${userId} AND type IN ('like', 'download', 'share')
          ORDER BY created_at DESC LIMIT ${PROFILE_ITEMS})
        UNION ALL
        (SELECT content_id, CASE WHEN dismissed_at IS NOT NULL THEN -2.0 ELSE 1.0 END FROM recommendations
          WHERE user_id = ${userId} AND (dismissed_at IS NOT NULL OR clicked_at IS NOT NULL)
          ORDER BY COALESCE(dismissed_at, clicked_at) DESC LIMIT ${PROFILE_ITEMS})
      ) s
      GROUP BY content_id
    ),
    tag_signals AS (
      SELECT ct.tag_id, s.w FROM item_signals s JOIN content_tags ct ON ct.content_id = s.content_id
      WHERE s.w <> 0
      UNION ALL
      SELECT tag_id, 3.0 FROM user_favorite_tags WHERE user_id = ${userId}
      UNION ALL
      SELECT tag_id, (rating - 3)::float8 * 1.5 FROM tag_ratings WHERE user_id = ${userId}
    ),
    corpus AS (
      SELECT GREATEST(COALESCE(sum(public_count), 0), 1)::float8 AS n FROM gen_source_stats WHERE user_id IS NULL
    ),
    tag_profile AS (
      SELECT g.tag_id, g.w * ln((SELECT n FROM corpus) / (1 + COALESCE(s.content_count, 0)) + 1) AS weight
      FROM (SELECT tag_id, sum(w) AS w FROM tag_signals GROUP BY tag_id) g
      LEFT JOIN tag_cardinality_stats s ON s.tag_id = g.tag_id AND s.source = 'all'
    ),
    top_tags AS (
      SELECT tag_id, weight FROM tag_profile WHERE weight > 0 ORDER BY weight DESC, tag_id LIMIT ${TOP_TAGS}
    ),
    scoring_tags AS MATERIALIZED (
      SELECT tag_id, weight FROM top_tags
      UNION ALL
      (SELECT tag_id, weight FROM tag_profile WHERE weight < 0 ORDER BY weight, tag_id LIMIT ${NEGATIVE_TAGS})
    ),
    tag_candidates AS (
      SELECT p.content_id FROM top_tags t
      CROSS JOIN LATERAL (
        SELECT ct.content_id FROM content_tags ct WHERE ct.tag_id = t.tag_id
        ORDER BY ct.content_id DESC LIMIT ${PER_TAG}
      ) p
    ),
    seeds AS (
      SELECT content_id, w FROM item_signals WHERE w >= 1 ORDER BY w DESC, content_id DESC LIMIT ${SEEDS}
    ),
    co_users AS (
      SELECT s.content_id AS seed_id, s.w AS seed_w, o.user_id FROM seeds s
      CROSS JOIN LATERAL (
        (SELECT b.user_id FROM bookmarks b
          WHERE b.content_id = s.content_id AND b.user_id <> ${userId} LIMIT ${CO_USERS})
        UNION
        (SELECT r.user_id FROM content_ratings r
          WHERE r.content_id = s.content_id AND r.rating >= 4 AND r.user_id <> ${userId} LIMIT ${CO_USERS})
      ) o
    ),
    co_pairs AS (
      SELECT x.content_id, cu.seed_id, sum(cu.seed_w) AS w FROM co_users cu
      CROSS JOIN LATERAL (
        (SELECT b.content_id FROM bookmarks b WHERE b.user_id = cu.user_id AND b.content_id <> cu.seed_id
          ORDER BY b.content_id DESC LIMIT ${PER_CO_USER})
        UNION
        (SELECT r.content_id FROM content_ratings r
          WHERE r.user_id = cu.user_id AND r.rating >= 4 AND r.content_id <> cu.seed_id
          ORDER BY r.content_id DESC LIMIT ${PER_CO_USER})
      ) x
      GROUP BY x.content_id, cu.seed_id
    ),
    co_scores AS (
      SELECT content_id, sum(w) AS raw, (array_agg(seed_id ORDER BY w DESC, seed_id DESC))[1] AS seed_id
      FROM co_pairs GROUP BY content_id
    ),
    popular AS (
      (SELECT id AS content_id FROM content_items ORDER BY bookmark_count DESC, id DESC LIMIT ${POPULAR})
      UNION
      (SELECT id FROM content_items ORDER BY rating_avg DESC, rating_count DESC, id DESC LIMIT ${POPULAR})
      UNION
      (SELECT id FROM content_items ORDER BY created_at DESC, id DESC LIMIT ${POPULAR})
    ),
    -- Each candidate once, with what its sources know about it; the items are then read one by one
    -- through the primary key (LATERAL), whatever the planner guesses about these small sets.
    candidates AS (
      SELECT content_id, max(co_raw) AS co_raw, max(seed_id) AS seed_id, bool_or(is_popular) AS is_popular
      FROM (
        SELECT content_id, 0::float8 AS co_raw, NULL::bigint AS seed_id, false AS is_popular FROM tag_candidates
        UNION ALL SELECT content_id, raw, seed_id, false FROM co_scores
        UNION ALL SELECT content_id, 0, NULL, true FROM popular
      ) parts
      GROUP BY content_id
    ),
    scored AS (
      SELECT c.id, c.title,
        COALESCE(ts.pos, 0) AS tag_pos, COALESCE(ts.neg, 0) AS tag_neg, ts.tag_ids,
        k.co_raw / sqrt(1 + c.bookmark_count + c.rating_count) AS co_score,
        CASE WHEN k.co_raw > 0 THEN k.seed_id END AS seed_id,
        CASE WHEN k.is_popular THEN
          (1 + 2 * c.bookmark_count + c.rating_count * c.rating_avg / 5)
          / power(GREATEST(extract(epoch FROM now() - c.created_at) / 86400, 0) + 2, 0.8)
        ELSE 0 END AS pop_score,
        (prev.served_at IS NOT NULL AND prev.served_at < now() - interval '1 day') AS stale
      FROM candidates k
      CROSS JOIN LATERAL (
        SELECT c.* FROM content_items c
        WHERE c.id = k.content_id AND c.creator_id <> ${userId} AND ${visibleTo(null, hideThreshold)}
      ) c
      LEFT JOIN recommendations prev ON prev.user_id = ${userId} AND prev.content_id = c.id
      LEFT JOIN LATERAL (
        SELECT sum(st.weight) FILTER (WHERE st.weight > 0) AS pos,
          sum(st.weight) FILTER (WHERE st.weight < 0) AS neg,
          (array_agg(x.tag_id ORDER BY st.weight DESC) FILTER (WHERE st.weight > 0))[1:3] AS tag_ids
        FROM content_tags x JOIN scoring_tags st ON st.tag_id = x.tag_id
        WHERE x.content_id = c.id
      ) ts ON true
      WHERE prev.dismissed_at IS NULL AND prev.clicked_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM content_ratings r WHERE r.user_id = ${userId} AND r.content_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.user_id = ${userId} AND b.content_id = c.id)
    ),
    norms AS MATERIALIZED (
      SELECT GREATEST(max(tag_pos), max(-tag_neg), 1e-9) AS tag_max,
        GREATEST(max(co_score), 1e-9) AS co_max, GREATEST(max(pop_score), 1e-9) AS pop_max
      FROM scored
    ),
    parts AS (
      SELECT s.id, s.title, s.tag_ids, s.seed_id, s.stale,
        0.6 * (s.tag_pos + s.tag_neg) / n.tag_max AS tag_part,
        0.3 * s.co_score / n.co_max AS co_part,
        0.1 * s.pop_score / n.pop_max AS pop_part
      FROM scored s CROSS JOIN norms n
    )
    SELECT id AS content_id, title, tag_part::float8, co_part::float8, pop_part::float8, tag_ids, seed_id,
      ((tag_part + co_part + pop_part) * CASE WHEN stale THEN 0.8 ELSE 1 END)::float8 AS score
    FROM parts
    WHERE tag_part + co_part + pop_part > 0
    ORDER BY score DESC, id DESC
    LIMIT ${limit}`;
}

export async function computeCandidates(
  db: Database,
  userId: string,
  hideThreshold: number,
  limit: number,
): Promise<CandidateRow[]> {
  const { rows } = await candidatesQuery(userId, hideThreshold, limit).execute(db);
  return rows;
}
