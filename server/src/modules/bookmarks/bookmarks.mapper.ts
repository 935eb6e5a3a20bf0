// Bookmark and category rows → the contract shapes.
import type { Bookmark, BookmarkCategory, ContentSummary, SharedCategory } from '@genonaut/contracts';
import type { CategoryRow, SharedCategoryRow } from './bookmark-categories.repository';
import type { BookmarkRow } from './bookmarks.repository';

export function toBookmarkCategory(row: CategoryRow): BookmarkCategory {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    color: row.color,
    icon: row.icon,
    coverContentId: row.cover_content_id,
    parentId: row.parent_id,
    sortIndex: row.sort_index,
    isPublic: row.is_public,
    shareToken: row.is_public ? row.share_token : null,
    isDefault: row.is_default,
    bookmarkCount: row.bookmark_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toBookmark(row: BookmarkRow, categoryIds: string[], content: ContentSummary): Bookmark {
  return {
    id: row.id,
    contentId: row.content_id,
    note: row.note,
    pinned: row.pinned,
    categoryIds,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    content,
  };
}

export function toSharedCategoryHeader(
  row: SharedCategoryRow,
  coverIsPublic: boolean,
): SharedCategory['category'] {
  return {
    name: row.name,
    description: row.description,
    color: row.color,
    icon: row.icon,
    // A cover that is (or became) private would show a private item to everyone with the link.
    coverContentId: coverIsPublic ? row.cover_content_id : null,
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name },
    updatedAt: row.updated_at.toISOString(),
  };
}
