import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { BOOKMARKS_KEY } from './get-categories';

/** Removes the bookmark from every category it is filed in. */
export function deleteBookmark(id: string): Promise<void> {
  return api.delete<void>(`/bookmarks/${id}`);
}

export function useDeleteBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBookmark,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY }),
  });
}
