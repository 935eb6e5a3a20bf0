// The only place that builds SQL about bookmarks and their category memberships. Lists first pick the
// page of bookmark ids (sorted, filtered to items the viewer may still see), then the cards of those items
// come from the content module's shared card query, so a bookmark card is the gallery's card.
import { sql, type Selectable, type SqlBool, type Expression } from 'kysely';
import type { BookmarkSort } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import type { Bookmarks } from '../../db/types';
import { visibleTo, type Viewer } from '../content/content-visibility';

export type BookmarkRow = Selectable<Bookmarks>;

export interface BookmarkListFilter {
  userId: string;
  viewer: Viewer;
  hideThreshold: number;
  categoryId?: string;
  contentId?: number;
  sort: BookmarkSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** `added` is when the bookmark entered the listed category, or when it was made for the whole list. */
function orderTerms(sort: BookmarkSort, order: 'asc' | 'desc', inCategory: boolean) {
  const dir = sql.raw(order === 'asc' ? 'ASC' : 'DESC');
  const added = inCategory ? sql`m.added_at` : sql`b.created_at`;
  const keys: Record<BookmarkSort, ReturnType<typeof sql>[]> = {
    rating_then_added: [sql`r.rating ${dir} NULLS LAST`, sql`${added} ${dir}`],
    rating: [sql`r.rating ${dir} NULLS LAST`, sql`b.created_at ${dir}`],
    quality: [sql`c.quality_score ${dir} NULLS LAST`],
    added: [sql`${added} ${dir}`],
    created: [sql`c.created_at ${dir}`],
    title: [sql`lower(c.title) ${dir}`],
  };
  // Pinned first whatever the sort; the id makes the order total so pages never repeat or skip.
  return sql.join([sql`b.pinned DESC`, ...keys[sort], sql`b.id ${dir}`], sql`, `);
}

function listCondition(filter: BookmarkListFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [
    sql<SqlBool>`b.user_id = ${filter.userId}`,
    // An item that turned private (or got hidden) since it was bookmarked drops out of the lists.
    visibleTo(filter.viewer, filter.hideThreshold),
  ];
  if (filter.contentId !== undefined) parts.push(sql<SqlBool>`b.content_id = ${filter.contentId}`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

function listFrom(filter: BookmarkListFilter) {
  const membership =
    filter.categoryId === undefined
      ? sql``
      : sql`JOIN bookmark_category_members m ON m.bookmark_id = b.id AND m.user_id = b.user_id AND m.category_id = ${filter.categoryId}`;
  return sql`
    FROM bookmarks b
    JOIN content_items c ON c.id = b.content_id
    ${membership}
    LEFT JOIN content_ratings r ON r.content_id = b.content_id AND r.user_id = b.user_id
    WHERE ${listCondition(filter)}`;
}

/** One page of the user's bookmarks (ids in order) and how many there are in all. */
export async function listBookmarkPage(
  db: Database,
  filter: BookmarkListFilter,
): Promise<{ rows: BookmarkRow[]; total: number }> {
  const from = listFrom(filter);
  const [page, count] = await Promise.all([
    sql<BookmarkRow>`
      SELECT b.* ${from}
      ORDER BY ${orderTerms(filter.sort, filter.order, filter.categoryId !== undefined)}
      LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n ${from}`.execute(db),
  ]);
  return { rows: page.rows, total: count.rows[0]?.n ?? 0 };
}

export function findBookmark(db: Database, userId: string, id: string): Promise<BookmarkRow | undefined> {
  return db
    .selectFrom('bookmarks')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the viewer (null: anyone) may see the item, as in lists: admins get no extra reach here. */
export async function isVisible(
  db: Database,
  contentId: number,
  viewer: Viewer | null,
  hideThreshold: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('content_items as c')
    .select('c.id')
    .where('c.id', '=', contentId)
    .where(visibleTo(viewer, hideThreshold))
    .executeTakeFirst();
  return row !== undefined;
}

export function insertBookmark(
  db: Database,
  values: { userId: string; contentId: number; note: string | null; pinned: boolean },
): Promise<BookmarkRow> {
  return db
    .insertInto('bookmarks')
    .values({
      user_id: values.userId,
      content_id: values.contentId,
      note: values.note,
      pinned: values.pinned,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateBookmark(
  db: Database,
  userId: string,
  id: string,
  values: { note?: string | null; pinned?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('bookmarks')
    .set(values)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteBookmark(db: Database, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('bookmarks')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Makes `categoryIds` the bookmark's whole category set. An empty set leaves it without any, which the
 * database's deferred trigger turns into "Uncategorized" at commit.
 */
export async function setMemberships(
  db: Database,
  userId: string,
  bookmarkId: string,
  categoryIds: string[],
): Promise<void> {
  let remove = db
    .deleteFrom('bookmark_category_members')
    .where('bookmark_id', '=', bookmarkId)
    .where('user_id', '=', userId);
  if (categoryIds.length > 0) remove = remove.where('category_id', 'not in', categoryIds);
  await remove.execute();
  if (categoryIds.length === 0) return;
  await db
    .insertInto('bookmark_category_members')
    .values(
      categoryIds.map((categoryId) => ({
        bookmark_id: bookmarkId,
        category_id: categoryId,
        user_id: userId,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The category ids of each bookmark, the default one first. */
export async function categoryIdsOf(db: Database, bookmarkIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(bookmarkIds.map((id) => [id, []]));
  if (bookmarkIds.length === 0) return out;
  const rows = await db
    .selectFrom('bookmark_category_members as m')
    .innerJoin('bookmark_categories as bc', 'bc.id', 'm.category_id')
    .select(['m.bookmark_id', 'm.category_id'])
    .where('m.bookmark_id', 'in', bookmarkIds)
    .orderBy('bc.is_default', 'desc')
    .orderBy('m.added_at')
    .orderBy('m.category_id')
    .execute();
  for (const row of rows) out.get(row.bookmark_id)?.push(row.category_id);
  return out;
}

/**
 * One page of a shared category's items that everyone may see (never private or moderation-hidden ones,
 * not even the owner's own), in the category's manual order, newest additions first within a position.
 */
export async function sharedContentPage(
  db: Database,
  categoryId: string,
  hideThreshold: number,
  limit: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const from = sql`
    FROM bookmark_category_members m
    JOIN bookmarks b ON b.id = m.bookmark_id AND b.user_id = m.user_id
    JOIN content_items c ON c.id = b.content_id
    WHERE m.category_id = ${categoryId} AND ${visibleTo(null, hideThreshold)}`;
  const [page, count] = await Promise.all([
    sql<{ id: number }>`SELECT c.id ${from} ORDER BY m.position, m.added_at DESC, c.id DESC
      LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n ${from}`.execute(db),
  ]);
  return { ids: page.rows.map((r) => r.id), total: count.rows[0]?.n ?? 0 };
}
