import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookmarkCategoryList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** Every key of this feature starts here, so one invalidation refreshes counts and lists together. */
export const BOOKMARKS_KEY = ['bookmarks'] as const;

/** All of the caller's categories, Uncategorized first; the API answers at most 1 000, so no paging. */
export function getCategories(signal?: AbortSignal): Promise<BookmarkCategoryList> {
  return api.get<BookmarkCategoryList>('/bookmark-categories', { signal });
}

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: [...BOOKMARKS_KEY, 'categories'],
    queryFn: ({ signal }) => getCategories(signal),
  });

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}
