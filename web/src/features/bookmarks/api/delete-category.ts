import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { BOOKMARKS_KEY } from './get-categories';

/**
 * What happens to the bookmarks: without either option those filed only here go to Uncategorized;
 * `moveTo` files all of them in that category; `deleteBookmarks` deletes those filed only here.
 */
export type DeleteCategoryChoice = { moveTo?: string; deleteBookmarks?: true };

export function deleteCategory(id: string, choice: DeleteCategoryChoice): Promise<void> {
  return api.delete<void>(`/bookmark-categories/${id}`, { query: choice });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: DeleteCategoryChoice }) => deleteCategory(id, choice),
    // Counts and lists of other categories change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BOOKMARKS_KEY }),
  });
}
