// The only place that builds SQL about bookmark categories. The database holds the rules (one undeletable
// default per user, same-user parents and members, no cycles, unique names per parent, a share token
// exactly while public); this file only reads and writes.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { BookmarkCategories } from '../../db/types';

export type CategoryRow = Selectable<BookmarkCategories> & { bookmark_count: number };

const memberCount = sql<number>`(
  SELECT count(*)::int FROM bookmark_category_members m WHERE m.category_id = bc.id AND m.user_id = bc.user_id
)`;

function categoriesOf(db: Database, userId: string) {
  return db
    .selectFrom('bookmark_categories as bc')
    .selectAll('bc')
    .select(memberCount.as('bookmark_count'))
    .where('bc.user_id', '=', userId);
}

/** The user's categories: the default first, then by manual order and name. */
export function listCategories(db: Database, userId: string): Promise<CategoryRow[]> {
  return categoriesOf(db, userId)
    .orderBy('bc.is_default', 'desc')
    .orderBy('bc.sort_index')
    .orderBy(sql`lower(bc.name)`)
    .orderBy('bc.id')
    .execute();
}

export function findCategory(db: Database, userId: string, id: string): Promise<CategoryRow | undefined> {
  return categoriesOf(db, userId).where('bc.id', '=', id).executeTakeFirst();
}

export function findDefaultCategory(db: Database, userId: string) {
  return db
    .selectFrom('bookmark_categories')
    .select('id')
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .executeTakeFirst();
}

export async function countCategories(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('bookmark_categories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of `ids` are the user's categories. */
export async function ownCategoryIds(db: Database, userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookmark_categories')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertCategory(db: Database, values: Insertable<BookmarkCategories>): Promise<string> {
  const row = await db
    .insertInto('bookmark_categories')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCategory(
  db: Database,
  userId: string,
  id: string,
  values: Updateable<BookmarkCategories>,
): Promise<boolean> {
  const result = await db
    .updateTable('bookmark_categories')
    .set(values)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Files every bookmark of `from` also in `to` (a no-op for those already there). */
export async function copyMembers(db: Database, userId: string, from: string, to: string): Promise<void> {
  await sql`
    INSERT INTO bookmark_category_members (bookmark_id, category_id, user_id)
    SELECT m.bookmark_id, ${to}, m.user_id FROM bookmark_category_members m
    WHERE m.category_id = ${from} AND m.user_id = ${userId}
    ON CONFLICT DO NOTHING
  `.execute(db);
}

/** Files the bookmarks of `from` that are in no other category in `home` ("Uncategorized"). */
export async function sendOnlyMembersHome(db: Database, userId: string, from: string, home: string) {
  await sql`
    INSERT INTO bookmark_category_members (bookmark_id, category_id, user_id)
    SELECT m.bookmark_id, ${home}, m.user_id FROM bookmark_category_members m
    WHERE m.category_id = ${from} AND m.user_id = ${userId}
      AND NOT EXISTS (
        SELECT 1 FROM bookmark_category_members o WHERE o.bookmark_id = m.bookmark_id AND o.category_id <> ${from}
      )
    ON CONFLICT DO NOTHING
  `.execute(db);
}

/** Deletes the bookmarks filed in `categoryId` and in no other category. */
export async function deleteOnlyMembers(db: Database, userId: string, categoryId: string): Promise<void> {
  await sql`
    DELETE FROM bookmarks b
    WHERE b.user_id = ${userId}
      AND EXISTS (SELECT 1 FROM bookmark_category_members m WHERE m.bookmark_id = b.id AND m.category_id = ${categoryId})
      AND NOT EXISTS (SELECT 1 FROM bookmark_category_members m WHERE m.bookmark_id = b.id AND m.category_id <> ${categoryId})
  `.execute(db);
}

export async function deleteCategory(db: Database, userId: string, id: string): Promise<void> {
  await db.deleteFrom('bookmark_categories').where('user_id', '=', userId).where('id', '=', id).execute();
}

export interface SharedCategoryRow {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  icon: string | null;
  cover_content_id: number | null;
  updated_at: Date;
  owner_id: string;
  owner_username: string;
  owner_display_name: string | null;
}

/** A public category by its share token, only while it is public and its owner active. */
export function findSharedCategory(db: Database, token: string): Promise<SharedCategoryRow | undefined> {
  return db
    .selectFrom('bookmark_categories as bc')
    .innerJoin('users as u', 'u.id', 'bc.user_id')
    .select([
      'bc.id',
      'bc.name',
      'bc.description',
      'bc.color',
      'bc.icon',
      'bc.cover_content_id',
      'bc.updated_at',
      'u.id as owner_id',
      'u.username as owner_username',
      'u.display_name as owner_display_name',
    ])
    .where('bc.share_token', '=', token)
    .where('bc.is_public', '=', true)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}
