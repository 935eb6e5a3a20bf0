import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bookmark, BookmarkPage, CreateBookmarkBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { bookmarkQueryOptions } from './get-bookmark';
import { BOOKMARKS_KEY } from './get-categories';

/**
 * Bookmarks an item (into Uncategorized). Already bookmarked (in another tab, say) is not a failure
 * for the person clicking: the existing bookmark is looked up and answered instead.
 */
export async function createBookmark(body: CreateBookmarkBody): Promise<Bookmark> {
  try {
    return await api.post<Bookmark>('/bookmarks', body);
  } catch (error) {
    if (!isApiError(error) || error.status !== 409) throw error;
    const existing = await api.get<BookmarkPage>('/bookmarks', {
      query: { contentId: body.contentId, pageSize: 1 },
    });
    if (existing.items[0]) return existing.items[0];
    throw error;
  }
}

export function useCreateBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBookmark,
    onSuccess: (bookmark) => {
      queryClient.setQueryData(bookmarkQueryOptions(bookmark.id).queryKey, bookmark);
      return queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY });
    },
  });
}
