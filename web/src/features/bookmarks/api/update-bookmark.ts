import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bookmark, UpdateBookmarkBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { bookmarkQueryOptions } from './get-bookmark';
import { BOOKMARKS_KEY } from './get-categories';

/** The note and the pin of a bookmark. */
export function updateBookmark(id: string, body: UpdateBookmarkBody): Promise<Bookmark> {
  return api.patch<Bookmark>(`/bookmarks/${id}`, body);
}

export function useUpdateBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateBookmarkBody }) => updateBookmark(id, body),
    onSuccess: (bookmark) => {
      queryClient.setQueryData(bookmarkQueryOptions(bookmark.id).queryKey, bookmark);
      return queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY });
    },
  });
}
