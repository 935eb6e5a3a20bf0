// Bookmarks (SPEC §9.2): a user's bookmark of an item they may see, always in at least one category (the
// database files it in "Uncategorized" at commit when none is given), listed with the item's card.
// Another user's bookmark does not exist for the caller (404).
import type {
  Bookmark,
  BookmarkListQuery,
  BookmarkPage,
  ContentSummary,
  CreateBookmarkBody,
  SetBookmarkCategoriesBody,
  SharedCategory,
  SharedCategoryQuery,
  UpdateBookmarkBody,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { conflict, invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { toContentSummary } from '../content/content.mapper';
import { contentFrom, selectSummary } from '../content/content.repository';
import { findSharedCategory, ownCategoryIds } from './bookmark-categories.repository';
import { requireCategory, type BookmarkDeps } from './bookmark-categories.service';
import {
  categoryIdsOf,
  deleteBookmark as deleteBookmarkRow,
  findBookmark,
  insertBookmark,
  isVisible,
  listBookmarkPage,
  setMemberships,
  sharedContentPage,
  updateBookmark as updateBookmarkRow,
  type BookmarkRow,
} from './bookmarks.repository';
import { toBookmark, toSharedCategoryHeader } from './bookmarks.mapper';
import { numberedPage } from '../../lib/numbered-page';

/** Gallery cards of the items, keyed by id, with the viewer's bookmark and rating when signed in. */
async function cardsOf(db: Database, viewer: AuthUser | null, ids: number[]) {
  if (ids.length === 0) return new Map<number, ContentSummary>();
  const rows = await selectSummary(contentFrom(db), viewer?.id ?? null)
    .where('c.id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toContentSummary(row, viewer !== null)]));
}

async function toBookmarks(db: Database, caller: AuthUser, rows: BookmarkRow[]): Promise<Bookmark[]> {
  const [categories, cards] = await Promise.all([
    categoryIdsOf(
      db,
      rows.map((r) => r.id),
    ),
    cardsOf(
      db,
      caller,
      rows.map((r) => r.content_id),
    ),
  ]);
  return rows.flatMap((row) => {
    const card = cards.get(row.content_id);
    // Deleted between the two reads: leave it out rather than fail the page.
    return card ? [toBookmark(row, categories.get(row.id) ?? [], card)] : [];
  });
}

export async function listBookmarks(
  deps: BookmarkDeps,
  caller: AuthUser,
  query: BookmarkListQuery,
  categoryId?: string,
): Promise<BookmarkPage> {
  if (categoryId !== undefined) await requireCategory(deps.db, caller, categoryId);
  const sort = query.sort ?? 'rating_then_added';
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  const { rows, total } = await listBookmarkPage(deps.db, {
    userId: caller.id,
    viewer: caller,
    hideThreshold: deps.hideThreshold,
    categoryId,
    contentId: query.contentId,
    sort,
    order: query.order ?? (sort === 'title' ? 'asc' : 'desc'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return numberedPage(await toBookmarks(deps.db, caller, rows), page, pageSize, total);
}

/** The caller's bookmark, while its item is one they may see (like the lists). */
export async function getBookmark(deps: BookmarkDeps, caller: AuthUser, id: string): Promise<Bookmark> {
  const row = await findBookmark(deps.db, caller.id, id);
  if (!row || !(await isVisible(deps.db, row.content_id, caller, deps.hideThreshold)))
    throw notFound('Bookmark');
  const [bookmark] = await toBookmarks(deps.db, caller, [row]);
  if (!bookmark) throw notFound('Bookmark');
  return bookmark;
}

async function assertOwnCategories(db: Database, caller: AuthUser, ids: string[], field: string) {
  const own = await ownCategoryIds(db, caller.id, ids);
  const foreign = ids.filter((id) => !own.has(id));
  if (foreign.length > 0) throw invalid(field, `${foreign.join(', ')}: not your categories`);
}

export async function createBookmark(
  deps: BookmarkDeps,
  caller: AuthUser,
  body: CreateBookmarkBody,
): Promise<Bookmark> {
  if (!(await isVisible(deps.db, body.contentId, caller, deps.hideThreshold))) throw notFound('Content');
  const categoryIds = body.categoryIds ?? [];
  await assertOwnCategories(deps.db, caller, categoryIds, 'body.categoryIds');
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const row = await insertBookmark(trx, {
        userId: caller.id,
        contentId: body.contentId,
        note: body.note ?? null,
        pinned: body.pinned ?? false,
      });
      if (categoryIds.length > 0) await setMemberships(trx, caller.id, row.id, categoryIds);
      return row.id;
    });
  } catch (error) {
    if (
      error instanceof Error &&
      (error as { constraint?: string }).constraint === 'bookmarks_user_content_key'
    )
      throw conflict('You have already bookmarked this item', [
        { field: 'body.contentId', message: 'is already bookmarked' },
      ]);
    throw error;
  }
  return getBookmark(deps, caller, id);
}

export async function updateBookmark(
  deps: BookmarkDeps,
  caller: AuthUser,
  id: string,
  body: UpdateBookmarkBody,
): Promise<Bookmark> {
  await getBookmark(deps, caller, id);
  await updateBookmarkRow(deps.db, caller.id, id, body);
  return getBookmark(deps, caller, id);
}

/** Works also when the item is no longer visible, so a stale bookmark can always be removed. */
export async function deleteBookmark(db: Database, caller: AuthUser, id: string): Promise<void> {
  if (!(await deleteBookmarkRow(db, caller.id, id))) throw notFound('Bookmark');
}

/** Replaces the bookmark's categories: moving is the other set, copying both; [] means Uncategorized. */
export async function setBookmarkCategories(
  deps: BookmarkDeps,
  caller: AuthUser,
  id: string,
  body: SetBookmarkCategoriesBody,
): Promise<Bookmark> {
  await getBookmark(deps, caller, id);
  await assertOwnCategories(deps.db, caller, body.categoryIds, 'body.categoryIds');
  await deps.db.transaction().execute((trx) => setMemberships(trx, caller.id, id, body.categoryIds));
  return getBookmark(deps, caller, id);
}

/** A public category through its share link: items everyone may see, nothing else of the owner's. */
export async function getSharedCategory(
  deps: BookmarkDeps,
  viewer: AuthUser | null,
  token: string,
  query: SharedCategoryQuery,
): Promise<SharedCategory> {
  const category = await findSharedCategory(deps.db, token);
  if (!category) throw notFound('Shared category');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  const { ids, total } = await sharedContentPage(
    deps.db,
    category.id,
    deps.hideThreshold,
    pageSize,
    (page - 1) * pageSize,
  );
  const cards = await cardsOf(deps.db, viewer, ids);
  const coverIsPublic =
    category.cover_content_id !== null &&
    (await isVisible(deps.db, category.cover_content_id, null, deps.hideThreshold));
  const items = ids.flatMap((contentId) => {
    const card = cards.get(contentId);
    return card ? [card] : [];
  });
  return {
    category: toSharedCategoryHeader(category, coverIsPublic),
    ...numberedPage(items, page, pageSize, total),
  };
}
