// Bookmark categories (SPEC §9.2): each user's own nested folders, one undeletable "Uncategorized", share
// links for public ones. Another user's category does not exist for the caller (404), and ids named in a
// body must be the caller's own (400), so nothing crosses users even before the database's composite keys.
import { randomBytes } from 'node:crypto';
import type {
  BookmarkCategory,
  BookmarkCategoryList,
  CreateCategoryBody,
  DeleteCategoryQuery,
  UpdateCategoryBody,
} from '@genonaut/contracts';
import type { Updateable } from 'kysely';
import type { Database } from '../../db/database';
import type { BookmarkCategories } from '../../db/types';
import { conflict, DomainError, invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import {
  copyMembers,
  countCategories,
  deleteCategory as deleteCategoryRow,
  deleteOnlyMembers,
  findCategory,
  findDefaultCategory,
  insertCategory,
  listCategories as listCategoryRows,
  ownCategoryIds,
  sendOnlyMembersHome,
  updateCategory as updateCategoryRow,
  type CategoryRow,
} from './bookmark-categories.repository';
import { isVisible } from './bookmarks.repository';
import { toBookmarkCategory } from './bookmarks.mapper';

export interface BookmarkDeps {
  db: Database;
  /** Items flagged above this risk and not yet approved are hidden from other users, as in the gallery. */
  hideThreshold: number;
}

/** Enough for any real collection; stops a script from filling the table. */
const MAX_CATEGORIES = 1_000;

interface PgError {
  code?: string;
  constraint?: string;
}
const pgErrorOf = (error: unknown): PgError => (error instanceof Error ? (error as PgError) : {});

/** The database's refusals, in words the caller can act on; anything else goes on unchanged. */
function explain(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg.code === '23505' && pg.constraint === 'bookmark_categories_name_key') {
    return conflict('A category with this name already exists at that level', [
      { field: 'body.name', message: 'is taken by a sibling category (names ignore case)' },
    ]);
  }
  if (pg.code === '23514' && pg.constraint === 'bookmark_categories_no_cycle') {
    return conflict('A category cannot be placed inside itself or one of its subcategories', [
      { field: 'body.parentId', message: 'would make a cycle' },
    ]);
  }
  if (pg.code === '23514' && pg.constraint === 'bookmark_categories_default_top_level') {
    return conflict('The default category stays at the top level', [
      { field: 'body.parentId', message: 'must be null for the default category' },
    ]);
  }
  return error;
}

const newShareToken = () => randomBytes(24).toString('base64url');

export async function requireCategory(db: Database, caller: AuthUser, id: string): Promise<CategoryRow> {
  const row = await findCategory(db, caller.id, id);
  if (!row) throw notFound('Bookmark category');
  return row;
}

async function assertOwnParent(db: Database, caller: AuthUser, parentId: string | null | undefined) {
  if (!parentId) return;
  if (!(await ownCategoryIds(db, caller.id, [parentId])).has(parentId))
    throw invalid('body.parentId', 'is not one of your categories');
}

async function assertVisibleCover(deps: BookmarkDeps, caller: AuthUser, coverId: number | null | undefined) {
  if (coverId === null || coverId === undefined) return;
  if (!(await isVisible(deps.db, coverId, caller, deps.hideThreshold)))
    throw invalid('body.coverContentId', 'is not an item you may see');
}

export async function listCategories(db: Database, caller: AuthUser): Promise<BookmarkCategoryList> {
  return { items: (await listCategoryRows(db, caller.id)).map(toBookmarkCategory) };
}

export async function getCategory(db: Database, caller: AuthUser, id: string): Promise<BookmarkCategory> {
  return toBookmarkCategory(await requireCategory(db, caller, id));
}

export async function createCategory(
  deps: BookmarkDeps,
  caller: AuthUser,
  body: CreateCategoryBody,
): Promise<BookmarkCategory> {
  await assertOwnParent(deps.db, caller, body.parentId);
  await assertVisibleCover(deps, caller, body.coverContentId);
  if ((await countCategories(deps.db, caller.id)) >= MAX_CATEGORIES)
    throw conflict(`You have reached the limit of ${MAX_CATEGORIES} categories`);
  let id: string;
  try {
    id = await insertCategory(deps.db, {
      user_id: caller.id,
      name: body.name.trim(),
      description: body.description ?? null,
      color: body.color ?? null,
      icon: body.icon ?? null,
      cover_content_id: body.coverContentId ?? null,
      parent_id: body.parentId ?? null,
      sort_index: body.sortIndex ?? 0,
      is_public: body.isPublic ?? false,
      share_token: body.isPublic ? newShareToken() : null,
    });
  } catch (error) {
    throw explain(error);
  }
  return getCategory(deps.db, caller, id);
}

export async function updateCategory(
  deps: BookmarkDeps,
  caller: AuthUser,
  id: string,
  body: UpdateCategoryBody,
): Promise<BookmarkCategory> {
  const current = await requireCategory(deps.db, caller, id);
  await assertOwnParent(deps.db, caller, body.parentId);
  await assertVisibleCover(deps, caller, body.coverContentId);
  const changes: Updateable<BookmarkCategories> = {};
  if (body.name !== undefined) changes.name = body.name.trim();
  if (body.description !== undefined) changes.description = body.description;
  if (body.color !== undefined) changes.color = body.color;
  if (body.icon !== undefined) changes.icon = body.icon;
  if (body.coverContentId !== undefined) changes.cover_content_id = body.coverContentId;
  if (body.parentId !== undefined) changes.parent_id = body.parentId;
  if (body.sortIndex !== undefined) changes.sort_index = body.sortIndex;
  const isPublic = body.isPublic ?? current.is_public;
  if (body.rotateShareToken && !isPublic)
    throw invalid('body.rotateShareToken', 'only a public category has a share link');
  if (body.isPublic !== undefined) changes.is_public = isPublic;
  // Going private revokes the link; going public (again) or rotating gets a fresh one, so an old link
  // never comes back to life.
  if (!isPublic) changes.share_token = null;
  else if (!current.share_token || body.rotateShareToken) changes.share_token = newShareToken();
  try {
    await updateCategoryRow(deps.db, caller.id, id, changes);
  } catch (error) {
    throw explain(error);
  }
  return getCategory(deps.db, caller, id);
}

/**
 * Deletes a category. Its bookmarks go to `moveTo` (all of them), or with `deleteBookmarks` those filed
 * only here are deleted; by default those filed only here return to "Uncategorized". Subcategories
 * become top-level.
 */
export async function deleteCategory(
  db: Database,
  caller: AuthUser,
  id: string,
  query: DeleteCategoryQuery,
): Promise<void> {
  if (query.moveTo !== undefined && query.deleteBookmarks)
    throw invalid('query.moveTo', 'cannot be combined with deleteBookmarks=true');
  try {
    await db.transaction().execute(async (trx) => {
      const category = await requireCategory(trx, caller, id);
      if (category.is_default)
        throw new DomainError('conflict', 'The default category "Uncategorized" cannot be deleted');
      if (query.moveTo !== undefined) {
        if (query.moveTo === id) throw invalid('query.moveTo', 'must be another category');
        if (!(await ownCategoryIds(trx, caller.id, [query.moveTo])).has(query.moveTo))
          throw invalid('query.moveTo', 'is not one of your categories');
        await copyMembers(trx, caller.id, id, query.moveTo);
      } else if (query.deleteBookmarks) {
        await deleteOnlyMembers(trx, caller.id, id);
      } else {
        // Also done by the database at commit; explicit here so the rule reads in one place.
        const home = await findDefaultCategory(trx, caller.id);
        if (home) await sendOnlyMembersHome(trx, caller.id, id, home.id);
      }
      await deleteCategoryRow(trx, caller.id, id);
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg.code === '23505' && pg.constraint === 'bookmark_categories_name_key') {
      throw conflict(
        'A subcategory has the same name as a top-level category; rename or move it first, since ' +
          'subcategories of a deleted category become top-level',
      );
    }
    throw error;
  }
}
