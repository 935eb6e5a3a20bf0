// The SQL behind the tag reads: lists, the hierarchy, popularity (from tag_cardinality_stats only),
// autocomplete, a tag's neighbourhood and its counts.
import { sql, type Expression, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { TagCountSource, TagSort } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import type { Tags } from '../../db/types';
import { visibleTo, type Viewer } from '../content/content-visibility';

export type TagRow = Selectable<Tags>;
export interface TagRefRow {
  id: string;
  slug: string;
  name: string;
}
export interface TagListRow extends TagRefRow {
  description: string | null;
  created_at: Date;
  parent_ids: string[];
  content_count: number;
  rating_avg: number | null;
  rating_count: number;
}

/** A tag walk never goes deeper than this, whatever the caller asks (the hierarchy is acyclic anyway). */
const MAX_WALK_DEPTH = 64;
/** Enough ancestor paths for any sensible hierarchy; a pathological one is cut here, not in the client. */
const MAX_ANCESTOR_PATHS = 100;

/** `%`, `_` and `\` in user text match themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const parentIdsOf = sql<string[]>`COALESCE(
  (SELECT array_agg(tp.parent_id::text ORDER BY tp.parent_id) FROM tag_parents tp WHERE tp.tag_id = t.id),
  '{}'::text[])`;

/** Substring of the name or the slug (a hyphen in `q` also matches a space in the name and vice versa). */
function containing(q: string): Expression<SqlBool> {
  const lower = q.toLowerCase();
  return sql<SqlBool>`(lower(t.name) LIKE ${`%${escapeLike(lower)}%`}
    OR lower(t.name) LIKE ${`%${escapeLike(lower.replace(/-/g, ' '))}%`}
    OR t.slug LIKE ${`%${escapeLike(lower.replace(/\s+/g, '-'))}%`})`;
}

const orderings: Record<TagSort, RawBuilder<unknown>[]> = {
  name: [sql`lower(t.name) ASC`, sql`t.id ASC`],
  '-name': [sql`lower(t.name) DESC`, sql`t.id DESC`],
  popular: [sql`content_count DESC`, sql`lower(t.name) ASC`, sql`t.id ASC`],
  rating: [sql`rating_avg DESC NULLS LAST`, sql`rating_count DESC`, sql`t.id ASC`],
  created: [sql`t.created_at DESC`, sql`t.id DESC`],
};

export async function listTags(
  db: Database,
  filter: { q?: string; sort: TagSort; limit: number; offset: number },
): Promise<{ rows: TagListRow[]; total: number }> {
  const where = filter.q ? containing(filter.q) : sql<SqlBool>`TRUE`;
  const [{ rows }, count] = await Promise.all([
    sql<TagListRow>`
      SELECT t.id, t.slug, t.name, t.description, t.created_at, ${parentIdsOf} AS parent_ids,
        COALESCE(s.content_count, 0) AS content_count, r.rating_avg, r.rating_count
      FROM tags t
      LEFT JOIN tag_cardinality_stats s ON s.tag_id = t.id AND s.source = 'all'
      CROSS JOIN LATERAL (
        SELECT round(avg(tr.rating), 2) AS rating_avg, count(*)::int AS rating_count
        FROM tag_ratings tr WHERE tr.tag_id = t.id
      ) r
      WHERE ${where}
      ORDER BY ${sql.join(orderings[filter.sort])}
      LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM tags t WHERE ${where}`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function hierarchy(db: Database) {
  const { rows } = await sql<
    TagRefRow & { parent_ids: string[]; child_count: number; content_count: number }
  >`
    SELECT t.id, t.slug, t.name, COALESCE(p.parent_ids, '{}'::text[]) AS parent_ids,
      COALESCE(c.child_count, 0) AS child_count, COALESCE(s.content_count, 0) AS content_count
    FROM tags t
    LEFT JOIN (
      SELECT tag_id, array_agg(parent_id::text ORDER BY parent_id) AS parent_ids FROM tag_parents GROUP BY tag_id
    ) p ON p.tag_id = t.id
    LEFT JOIN (SELECT parent_id, count(*)::int AS child_count FROM tag_parents GROUP BY parent_id) c
      ON c.parent_id = t.id
    LEFT JOIN tag_cardinality_stats s ON s.tag_id = t.id AND s.source = 'all'
    ORDER BY lower(t.name), t.id`.execute(db);
  return rows;
}

/** The most used tags as of the last statistics refresh; reads tag_cardinality_stats, never content. */
export function popularTags(db: Database, source: TagCountSource, limit: number) {
  return db
    .selectFrom('tag_cardinality_stats as s')
    .innerJoin('tags as t', 't.id', 's.tag_id')
    .select(['t.id', 't.slug', 't.name', 's.content_count', 's.updated_at'])
    .where('s.source', '=', source)
    .orderBy('s.content_count', 'desc')
    .orderBy('s.tag_id')
    .limit(limit)
    .execute();
}

/**
 * Prefix matches of the name or slug first, then name substrings; the busiest tags first within each.
 * Each arm is one the indexes answer: lower(name) by trigram (tags_name_trgm_idx), slug by prefix
 * (tags_slug_prefix_idx), so the planner can OR their bitmaps instead of scanning every tag.
 */
export async function autocomplete(db: Database, q: string, limit: number) {
  const lower = q.toLowerCase();
  const namePrefix = `${escapeLike(lower)}%`;
  const slugPrefix = `${escapeLike(lower.replace(/\s+/g, '-'))}%`;
  const nameContains = `%${escapeLike(lower)}%`;
  const spacedContains = `%${escapeLike(lower.replace(/-/g, ' '))}%`;
  const { rows } = await sql<TagRefRow & { content_count: number }>`
    SELECT t.id, t.slug, t.name, COALESCE(s.content_count, 0) AS content_count
    FROM tags t
    LEFT JOIN tag_cardinality_stats s ON s.tag_id = t.id AND s.source = 'all'
    WHERE lower(t.name) LIKE ${nameContains} OR lower(t.name) LIKE ${spacedContains} OR t.slug LIKE ${slugPrefix}
    ORDER BY (lower(t.name) LIKE ${namePrefix} OR t.slug LIKE ${slugPrefix}) DESC,
      content_count DESC, lower(t.name), t.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

export function findTag(db: Database, id: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTagBySlug(db: Database, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function parentsOf(db: Database, id: string): Promise<TagRefRow[]> {
  return db
    .selectFrom('tag_parents as tp')
    .innerJoin('tags as t', 't.id', 'tp.parent_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('tp.tag_id', '=', id)
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .execute();
}

export function childrenOf(db: Database, id: string): Promise<TagRefRow[]> {
  return db
    .selectFrom('tag_parents as tp')
    .innerJoin('tags as t', 't.id', 'tp.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('tp.parent_id', '=', id)
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .execute();
}

/** Every path from a root down to the tag, as id arrays (root first, the tag itself last). */
export async function ancestorPaths(db: Database, id: string): Promise<string[][]> {
  const { rows } = await sql<{ path: string[] }>`
    WITH RECURSIVE up(head, path) AS (
      SELECT ${id}::uuid, ARRAY[${id}::uuid]
      UNION ALL
      SELECT tp.parent_id, tp.parent_id || up.path
      FROM up JOIN tag_parents tp ON tp.tag_id = up.head
      WHERE cardinality(up.path) < ${MAX_WALK_DEPTH} AND NOT tp.parent_id = ANY(up.path)
    )
    SELECT path::text[] AS path FROM up
    WHERE NOT EXISTS (SELECT 1 FROM tag_parents tp WHERE tp.tag_id = up.head)
    LIMIT ${MAX_ANCESTOR_PATHS}`.execute(db);
  return rows.map((r) => r.path);
}

export function tagRefs(db: Database, ids: string[]): Promise<TagRefRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', 'in', ids).execute();
}

/**
 * Tags above (`up`) or below (`down`) a tag with their distance along the shortest route. This walk
 * keeps the depth, which withAncestors/withDescendants do not.
 */
export async function relatives(
  db: Database,
  id: string,
  direction: 'up' | 'down',
  maxDepth: number | undefined,
): Promise<(TagRefRow & { depth: number })[]> {
  const [from, to] = direction === 'up' ? ['tag_id', 'parent_id'] : ['parent_id', 'tag_id'];
  const limit = Math.min(maxDepth ?? MAX_WALK_DEPTH, MAX_WALK_DEPTH);
  const { rows } = await sql<TagRefRow & { depth: number }>`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT ${sql.ref(`tp.${to}`)}, 1 FROM tag_parents tp WHERE ${sql.ref(`tp.${from}`)} = ${id}
      UNION
      SELECT ${sql.ref(`tp.${to}`)}, w.depth + 1
      FROM walk w JOIN tag_parents tp ON ${sql.ref(`tp.${from}`)} = w.id
      WHERE w.depth < ${limit}
    )
    SELECT t.id, t.slug, t.name, min(w.depth)::int AS depth
    FROM walk w JOIN tags t ON t.id = w.id
    WHERE t.id <> ${id}
    GROUP BY t.id
    ORDER BY depth, lower(t.name), t.id`.execute(db);
  return rows;
}

export function statsOf(db: Database, id: string) {
  return db
    .selectFrom('tag_cardinality_stats')
    .select(['source', 'content_count', 'updated_at'])
    .where('tag_id', '=', id)
    .execute();
}

/** Items the viewer may see that carry the tag directly, counted up to `cap` (+1 to tell it was hit). */
export async function visibleItemCount(
  db: Database,
  id: string,
  viewer: Viewer | null,
  hideThreshold: number,
  cap: number,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM content_tags ct JOIN content_items c ON c.id = ct.content_id
      WHERE ct.tag_id = ${id} AND ${visibleTo(viewer, hideThreshold)}
      LIMIT ${cap + 1}
    ) v`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function ratingSummary(db: Database, id: string) {
  const { rows } = await sql<{ rating_avg: number | null; rating_count: number }>`
    SELECT round(avg(rating), 2) AS rating_avg, count(*)::int AS rating_count
    FROM tag_ratings WHERE tag_id = ${id}`.execute(db);
  return rows[0] ?? { rating_avg: null, rating_count: 0 };
}

export async function viewerState(db: Database, userId: string, id: string) {
  const { rows } = await sql<{ rating: number | null; is_favorite: boolean }>`
    SELECT (SELECT rating FROM tag_ratings WHERE user_id = ${userId} AND tag_id = ${id}) AS rating,
      EXISTS (SELECT 1 FROM user_favorite_tags WHERE user_id = ${userId} AND tag_id = ${id}) AS is_favorite`.execute(
    db,
  );
  return rows[0] ?? { rating: null, is_favorite: false };
}

/**
 * Tags that most often share a public item with this one. Only the most recent `sample` public items
 * of the tag are looked at, so a tag on a million items costs the same as one on a thousand.
 */
export async function relatedTags(
  db: Database,
  id: string,
  hideThreshold: number,
  limit: number,
  sample: number,
) {
  const { rows } = await sql<TagRefRow & { shared_count: number }>`
    WITH items AS (
      SELECT ct.content_id FROM content_tags ct JOIN content_items c ON c.id = ct.content_id
      WHERE ct.tag_id = ${id} AND ${visibleTo(null, hideThreshold)}
      ORDER BY ct.content_id DESC
      LIMIT ${sample}
    )
    SELECT t.id, t.slug, t.name, count(*)::int AS shared_count
    FROM items i
    JOIN content_tags other ON other.content_id = i.content_id AND other.tag_id <> ${id}
    JOIN tags t ON t.id = other.tag_id
    GROUP BY t.id
    ORDER BY shared_count DESC, lower(t.name), t.id
    LIMIT ${limit}`.execute(db);
  return rows;
}
