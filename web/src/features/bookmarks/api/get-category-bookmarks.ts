import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BookmarkPage, BookmarkSort } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { BOOKMARKS_KEY } from './get-categories';

export const CATEGORY_PAGE_SIZE = 24;
/** The category cards show this many thumbnails as a preview. */
export const PREVIEW_SIZE = 4;

export interface CategoryBookmarksQuery {
  sort: BookmarkSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function getCategoryBookmarks(
  categoryId: string,
  { sort, order, page, pageSize }: CategoryBookmarksQuery,
  signal?: AbortSignal,
): Promise<BookmarkPage> {
  return api.get<BookmarkPage>(`/bookmark-categories/${categoryId}/bookmarks`, {
    query: { sort, order, page: page > 1 ? page : undefined, pageSize },
    signal,
  });
}

export const categoryBookmarksQueryOptions = (categoryId: string, query: CategoryBookmarksQuery) =>
  queryOptions({
    queryKey: [...BOOKMARKS_KEY, 'category', categoryId, query],
    queryFn: ({ signal }) => getCategoryBookmarks(categoryId, query, signal),
  });

export function useCategoryBookmarks(categoryId: string, query: CategoryBookmarksQuery) {
  return useQuery({
    ...categoryBookmarksQueryOptions(categoryId, query),
    // Another page or order of the same category stays on screen (dimmed) while the next loads;
    // another category's images never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === categoryId ? keepPreviousData(previous) : undefined,
  });
}

/** The first few bookmarks in the default order, for a category card's preview. */
export function useCategoryPreview(categoryId: string, enabled: boolean) {
  return useQuery({
    ...categoryBookmarksQueryOptions(categoryId, {
      sort: 'rating_then_added',
      order: 'desc',
      page: 1,
      pageSize: PREVIEW_SIZE,
    }),
    enabled,
  });
}
