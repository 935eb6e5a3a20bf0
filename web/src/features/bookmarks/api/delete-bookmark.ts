import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { bookmarkQueryOptions } from './get-bookmark';
import { BOOKMARKS_KEY } from './get-categories';

/** Removes the bookmark from every category it is filed in. */
export function deleteBookmark(id: string): Promise<void> {
  return api.delete<void>(`/bookmarks/${id}`);
}

export function useDeleteBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBookmark,
    onSuccess: (_answer, id) => {
      // Gone, so not refetched (a 404) by the invalidation below while a view of it is still open.
      queryClient.removeQueries({ queryKey: bookmarkQueryOptions(id).queryKey });
      return queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY });
    },
  });
}
