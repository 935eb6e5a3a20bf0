// The query suite of SPEC §12, with its parameters taken from the dataset itself: the most common tag,
// a rare one (at most 0.01 % of items), a parent category, a model and seed of a real item, and the
// recommendations of a real user.
import { sql } from 'kysely';
import type { Database } from '../db/database';

export interface BenchQuery {
  name: string;
  path: string;
  targetMs: number;
  /** Sent with every request (the bench user's API token for signed-in queries). */
  headers?: Record<string, string>;
}

export interface DatasetFacts {
  items: number;
  users: number;
  tags: number;
  contentTags: number;
  ratings: number;
  interactions: number;
  bookmarks: number;
}

const GALLERY_MS = 50;

async function count(db: Database, table: string): Promise<number> {
  // Estimates from the statistics for the big tables: exact counts of 30 M rows take seconds.
  const { rows } = await sql<{
    n: number;
  }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = ${table}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function datasetFacts(db: Database): Promise<DatasetFacts> {
  const exact = async (table: 'content_items' | 'users' | 'tags') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    items: await exact('content_items'),
    users: await exact('users'),
    tags: await exact('tags'),
    contentTags: await count(db, 'content_tags'),
    ratings: await count(db, 'content_ratings'),
    interactions: await count(db, 'user_interactions'),
    bookmarks: await count(db, 'bookmarks'),
  };
}

async function tagsByCount(db: Database) {
  const { rows } = await sql<{ slug: string; n: number; children: number }>`
    SELECT t.slug, s.content_count AS n,
      (SELECT count(*) FROM tag_parents tp WHERE tp.parent_id = t.id) AS children
    FROM tag_cardinality_stats s JOIN tags t ON t.id = s.tag_id
    WHERE s.source = 'all' ORDER BY s.content_count DESC, t.slug`.execute(db);
  return rows.map((r) => ({ ...r, n: Number(r.n), children: Number(r.children) }));
}

/** `auth`: headers of the dataset user the signed-in queries (recommendations) are timed as. */
export async function buildSuite(
  db: Database,
  facts: DatasetFacts,
  auth: Record<string, string>,
): Promise<BenchQuery[]> {
  const tags = await tagsByCount(db);
  const common = tags[0]?.slug ?? 'portrait';
  const rare =
    tags.find((t) => t.n > 0 && t.n <= facts.items / 10_000)?.slug ?? tags[tags.length - 1]?.slug ?? common;
  const three = tags.slice(1, 4).map((t) => t.slug);
  const anyThree = tags.slice(40, 43).map((t) => t.slug);
  const parent = tags.find((t) => t.children >= 5)?.slug ?? common;
  const sample = await db
    .selectFrom('content_items')
    .select(['id', 'checkpoint', 'seed'])
    .where('is_private', '=', false)
    .orderBy('id', 'desc')
    .offset(Math.floor(facts.items / 3))
    .limit(1)
    .executeTakeFirst();
  const model = (sample?.checkpoint ?? 'sdxl').replace(/\.[a-z]+$/, '').slice(0, 12);
  const g = (query: string) => `/api/v1/content?${query}`;
  return [
    { name: 'no filter', path: g('pageSize=25'), targetMs: GALLERY_MS },
    { name: 'one common tag', path: g(`tags=${common}`), targetMs: GALLERY_MS },
    { name: 'one rare tag', path: g(`tags=${rare}`), targetMs: GALLERY_MS },
    { name: 'three tags all', path: g(`tags=${three.join(',')}&tagMatch=all`), targetMs: GALLERY_MS },
    { name: 'three tags any', path: g(`tags=${anyThree.join(',')}&tagMatch=any`), targetMs: GALLERY_MS },
    { name: 'parent with descendants', path: g(`tags=${parent}&expandTags=true`), targetMs: GALLERY_MS },
    { name: 'word search', path: g(`q=${encodeURIComponent('dragon')}`), targetMs: GALLERY_MS },
    { name: 'phrase search', path: g(`q=${encodeURIComponent('"golden hour"')}`), targetMs: GALLERY_MS },
    {
      name: 'field search (model + seed)',
      path: g(`q=${encodeURIComponent(`model:${model} seed:${sample?.seed ?? 1}`)}`),
      targetMs: GALLERY_MS,
    },
    {
      name: 'search + tag + source',
      path: g(`q=castle&tags=${common}&sources=community-regular`),
      targetMs: GALLERY_MS,
    },
    { name: 'page 400 by cursor', path: g('cursor=PAGE400'), targetMs: GALLERY_MS },
    { name: 'top_rated sort', path: g('sort=top_rated'), targetMs: GALLERY_MS },
    { name: 'tag autocomplete', path: `/api/v1/tags/autocomplete?q=${rare.slice(0, 3)}`, targetMs: 20 },
    { name: 'recommendations', path: '/api/v1/recommendations?limit=20', headers: auth, targetMs: 10 },
    { name: 'item page', path: `/api/v1/content/${sample?.id ?? 1}`, targetMs: 20 },
  ];
}
