import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Bookmark } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { BOOKMARKS_KEY } from './get-categories';

export function getBookmark(id: string, signal?: AbortSignal): Promise<Bookmark> {
  return api.get<Bookmark>(`/bookmarks/${id}`, { signal });
}

export const bookmarkQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...BOOKMARKS_KEY, 'bookmark', id],
    queryFn: ({ signal }) => getBookmark(id, signal),
  });

export function useBookmark(id: string) {
  return useQuery(bookmarkQueryOptions(id));
}
