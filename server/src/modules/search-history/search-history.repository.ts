// The only place that builds SQL about search history. Rows are single uses; every read groups them by
// query. The database keeps at most the newest 1 000 rows per user (trigger), so reads stay small.
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface SearchGroupRow {
  query: string;
  count: number;
  last_used_at: Date;
}

/** `%`, `_` and `\` in the user's text mean themselves in a LIKE pattern. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function insertSearch(db: Database, userId: string, query: string): Promise<void> {
  await db.insertInto('user_search_history').values({ user_id: userId, query }).execute();
}

function grouped(db: Database, userId: string, prefix?: string) {
  let query = db
    .selectFrom('user_search_history')
    .select([
      'query',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.max('created_at').as('last_used_at'),
    ])
    .where('user_id', '=', userId);
  if (prefix) query = query.where('query', 'ilike', likePrefix(prefix));
  return query.groupBy('query');
}

/** Distinct queries, most recently used first (ties by text, so pages never repeat or skip one). */
export async function listGroups(
  db: Database,
  userId: string,
  opts: { limit: number; offset: number; prefix?: string },
): Promise<SearchGroupRow[]> {
  const rows = await grouped(db, userId, opts.prefix)
    .orderBy(sql`max(created_at)`, 'desc')
    .orderBy('query')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  return rows.map((r) => ({ query: r.query, count: Number(r.count), last_used_at: r.last_used_at }));
}

export async function countGroups(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_search_history')
    .select(sql<number>`count(DISTINCT query)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findGroup(
  db: Database,
  userId: string,
  query: string,
): Promise<SearchGroupRow | undefined> {
  const rows = await listGroupsOf(db, userId, query);
  return rows[0];
}

async function listGroupsOf(db: Database, userId: string, query: string): Promise<SearchGroupRow[]> {
  const rows = await grouped(db, userId).where('query', '=', query).execute();
  return rows.map((r) => ({ query: r.query, count: Number(r.count), last_used_at: r.last_used_at }));
}

export async function deleteQuery(db: Database, userId: string, query: string): Promise<void> {
  await db
    .deleteFrom('user_search_history')
    .where('user_id', '=', userId)
    .where('query', '=', query)
    .execute();
}

export async function deleteAll(db: Database, userId: string): Promise<void> {
  await db.deleteFrom('user_search_history').where('user_id', '=', userId).execute();
}
