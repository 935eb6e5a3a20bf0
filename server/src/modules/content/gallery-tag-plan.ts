// How the gallery reads a tag filter, chosen by each tag group's size (a group is a tag with its
// descendants, or all tags of a tagMatch=any filter). Both shapes select exactly the same items; only
// the work differs:
// - a rare group drives the query: read its few items from content_tags (tag_id, content_id), then sort;
// - a common group is probed: walk the sort index and check each item by content_tags' primary key,
//   stopping after a page. The probe is a scalar subquery because PostgreSQL turns an EXISTS into a
//   semi-join, which for a tag on half the items hashes hundreds of thousands of rows first.
// The break-even is where both read about as many rows: driving reads `size` rows, probing reads about
// pageSize · total / size, so a group is rare below sqrt(pageSize · total).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/database';

export interface TagGroup {
  ids: string[];
  /** Public items carrying any tag of the group (tag_cardinality_stats; missing counts as 0). */
  size: number;
}

export interface TagPlan {
  /** Conditions of the page query. */
  page: Expression<SqlBool>[];
  /**
   * Share of items the tag filter keeps, from the statistics and assuming tags independent. Counts
   * multiply the planner's estimate of the other conditions by it: asking the planner about the tag
   * semi-joins themselves took 30–80 ms of planning with the detailed tag statistics.
   */
  share: number;
  /** Upper bound of matching items from the statistics (the smallest group), null without tags. */
  bound: number | null;
}

// ARRAY(subquery) is computed once, before the scan, whatever the planner estimates for the tag: an
// IN (subquery) let it walk the whole sort index instead when a rare tag's estimate was off.
const driven = (ids: string[]) =>
  sql<SqlBool>`c.id = ANY(ARRAY(SELECT ct.content_id FROM content_tags ct WHERE ct.tag_id = ANY(${ids}::uuid[])))`;

const probed = (ids: string[]) =>
  sql<SqlBool>`(SELECT true FROM content_tags ct WHERE ct.content_id = c.id AND ct.tag_id = ANY(${ids}::uuid[]) LIMIT 1) IS NOT NULL`;

/** Sizes of the groups and the table's size, from the statistics (one round trip). */
export async function sizeGroups(
  db: Database,
  groups: string[][],
): Promise<{ groups: TagGroup[]; total: number }> {
  const all = [...new Set(groups.flat())];
  const { rows } = await sql<{ tag_id: string; n: number; total: number }>`
    SELECT s.tag_id, s.content_count AS n,
      (SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = 'content_items'::regclass) AS total
    FROM tag_cardinality_stats s WHERE s.source = 'all' AND s.tag_id = ANY(${all}::uuid[])`.execute(db);
  const count = new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0) {
    const t = await sql<{ total: number }>`
      SELECT GREATEST(reltuples, 0)::bigint AS total FROM pg_class WHERE oid = 'content_items'::regclass`.execute(
      db,
    );
    total = Number(t.rows[0]?.total ?? 0);
  }
  return {
    groups: groups.map((ids) => ({ ids, size: ids.reduce((sum, id) => sum + (count.get(id) ?? 0), 0) })),
    total,
  };
}

export function planTags(groups: TagGroup[], total: number, pageSize: number): TagPlan {
  if (groups.length === 0) return { page: [], share: 1, bound: null };
  const ordered = [...groups].sort((a, b) => a.size - b.size);
  const rareBelow = Math.sqrt((pageSize + 1) * Math.max(total, 1));
  const [rarest, ...rest] = ordered as [TagGroup, ...TagGroup[]];
  const page =
    rarest.size <= rareBelow
      ? [driven(rarest.ids), ...rest.map((g) => probed(g.ids))]
      : ordered.map((g) => probed(g.ids));
  const share = groups.reduce((p, g) => p * Math.min(1, g.size / Math.max(total, 1)), 1);
  return { page, share, bound: rarest.size };
}
