// The SQL that changes tags: admin edits of tags and their parent edges, and each user's ratings and
// favourites. Callers own transactions; every function takes the db or a transaction.
import type { Database } from '../../db/database';
import type { TagRow } from './tags.repository';

export function insertTag(
  db: Database,
  tag: { slug: string; name: string; description: string | null },
): Promise<TagRow> {
  // No id: the tags_set_id trigger derives it from the slug (UUID v5), the same in every database.
  return db.insertInto('tags').values(tag).returningAll().executeTakeFirstOrThrow();
}

export function updateTag(
  db: Database,
  id: string,
  changes: { name?: string; description?: string | null },
): Promise<TagRow | undefined> {
  return db
    .updateTable('tags')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Removes the tag; its edges and content links go with it (ON DELETE CASCADE). */
export function deleteTag(db: Database, id: string): Promise<TagRow | undefined> {
  return db.deleteFrom('tags').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function existingTagIds(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('tags').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function parentIds(db: Database, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tag_parents')
    .select('parent_id')
    .where('tag_id', '=', id)
    .orderBy('parent_id')
    .execute();
  return rows.map((r) => r.parent_id);
}

/** Makes `parentIds` the tag's whole parent set; the cycle trigger checks each new edge. */
export async function replaceParents(db: Database, id: string, newParentIds: string[]): Promise<void> {
  await db.deleteFrom('tag_parents').where('tag_id', '=', id).execute();
  if (newParentIds.length === 0) return;
  await db
    .insertInto('tag_parents')
    .values(newParentIds.map((parentId) => ({ tag_id: id, parent_id: parentId })))
    .execute();
}

export async function upsertRating(db: Database, userId: string, tagId: string, rating: number) {
  await db
    .insertInto('tag_ratings')
    .values({ user_id: userId, tag_id: tagId, rating })
    .onConflict((oc) => oc.columns(['user_id', 'tag_id']).doUpdateSet({ rating }))
    .execute();
}

export async function deleteRating(db: Database, userId: string, tagId: string) {
  await db.deleteFrom('tag_ratings').where('user_id', '=', userId).where('tag_id', '=', tagId).execute();
}

export async function addFavorite(db: Database, userId: string, tagId: string) {
  await db
    .insertInto('user_favorite_tags')
    .values({ user_id: userId, tag_id: tagId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeFavorite(db: Database, userId: string, tagId: string) {
  await db
    .deleteFrom('user_favorite_tags')
    .where('user_id', '=', userId)
    .where('tag_id', '=', tagId)
    .execute();
}
