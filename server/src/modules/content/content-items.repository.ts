// SQL for one content item: the rows an upload writes, edits, deletes, and the small visibility-checked
// reads the item endpoints authorise with. The card and detail reads live in content.repository.ts.
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { StoredImage } from '../../storage/thumbnails';
import { visibleTo, type Viewer } from './content-visibility';

export interface ItemRef {
  id: number;
  creator_id: string;
  title: string;
  is_private: boolean;
}

export interface ImageRow {
  id: number;
  storage_key: string | null;
  mime_type: string | null;
  file_size: number | null;
  thumbnails: unknown;
  updated_at: Date;
  /** Whether anonymous callers may see it too, i.e. whether shared caches may keep it. */
  public_view: boolean;
}

/**
 * The item if the viewer may open it by id (admins may open any), else undefined. Callers answer 404
 * for both "missing" and "not yours and private", so ids of private items reveal nothing.
 */
export function findVisibleRef(
  db: Database,
  id: number,
  viewer: Viewer | null,
  hideThreshold: number,
): Promise<ItemRef | undefined> {
  return db
    .selectFrom('content_items as c')
    .select(['c.id', 'c.creator_id', 'c.title', 'c.is_private'])
    .where('c.id', '=', id)
    .where(visibleTo(viewer, hideThreshold, { byIdForAdmin: true }))
    .executeTakeFirst();
}

export function findVisibleImage(
  db: Database,
  id: number,
  viewer: Viewer | null,
  hideThreshold: number,
): Promise<ImageRow | undefined> {
  return db
    .selectFrom('content_items as c')
    .select(['c.id', 'c.storage_key', 'c.mime_type', 'c.file_size', 'c.thumbnails', 'c.updated_at'])
    .select(sql<boolean>`${visibleTo(null, hideThreshold)}`.as('public_view'))
    .where('c.id', '=', id)
    .where(visibleTo(viewer, hideThreshold, { byIdForAdmin: true }))
    .executeTakeFirst();
}

export async function insertUploadedContent(
  db: Database,
  item: { creatorId: string; title: string; prompt: string; isPrivate: boolean },
): Promise<number> {
  const row = await db
    .insertInto('content_items')
    .values({
      source: 'regular',
      content_type: 'image',
      creator_id: item.creatorId,
      title: item.title,
      prompt: item.prompt,
      is_private: item.isPrivate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setStoredImage(db: Database, id: number, image: StoredImage): Promise<void> {
  await db
    .updateTable('content_items')
    .set({
      storage_key: image.storageKey,
      mime_type: image.mimeType,
      file_size: image.fileSize,
      width: image.width,
      height: image.height,
      thumbnails: JSON.stringify(image.thumbnails),
    })
    .where('id', '=', id)
    .execute();
}

/** Changes the given columns; with none (a tags-only edit) it still bumps updated_at. */
export async function updateContentFields(
  db: Database,
  id: number,
  changes: { title?: string; isPrivate?: boolean },
): Promise<void> {
  await db
    .updateTable('content_items')
    .set({
      updated_at: sql<Date>`now()`,
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.isPrivate !== undefined ? { is_private: changes.isPrivate } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Makes the item's tag set exactly `tagIds`. */
export async function replaceContentTags(db: Database, contentId: number, tagIds: string[]): Promise<void> {
  await db
    .deleteFrom('content_tags')
    .where('content_id', '=', contentId)
    .$if(tagIds.length > 0, (qb) => qb.where('tag_id', 'not in', tagIds))
    .execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('content_tags')
    .values(tagIds.map((tagId) => ({ content_id: contentId, tag_id: tagId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Deletes the row; a trigger queues its files in storage_deletions for the cleanup job. */
export async function deleteContent(db: Database, id: number): Promise<boolean> {
  const result = await db.deleteFrom('content_items').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Files the cleanup job should remove (used when removing them at once failed). */
export async function queueStorageDeletions(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('storage_deletions')
    .values(keys.map((key) => ({ storage_key: key })))
    .execute();
}
