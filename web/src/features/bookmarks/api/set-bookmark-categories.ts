import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bookmark } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { bookmarkQueryOptions } from './get-bookmark';
import { BOOKMARKS_KEY } from './get-categories';

/** Replaces the whole set: moving is "the others instead of this one", copying is "this one and more". */
export function setBookmarkCategories(id: string, categoryIds: string[]): Promise<Bookmark> {
  return api.put<Bookmark>(`/bookmarks/${id}/categories`, { categoryIds });
}

export function useSetBookmarkCategories() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, categoryIds }: { id: string; categoryIds: string[] }) =>
      setBookmarkCategories(id, categoryIds),
    onSuccess: (bookmark) => {
      // The answer is the bookmark's new state: a manager showing it updates without a refetch.
      queryClient.setQueryData(bookmarkQueryOptions(bookmark.id).queryKey, bookmark);
      return queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY });
    },
  });
}
