import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookmarkCategory, BookmarkCategoryList, UpdateCategoryBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { categoriesQueryOptions } from './get-categories';

export function updateCategory(id: string, body: UpdateCategoryBody): Promise<BookmarkCategory> {
  return api.patch<BookmarkCategory>(`/bookmark-categories/${id}`, body);
}

/**
 * The answer replaces the category in the cached list at once (a share switch shows its link without
 * waiting), then the list is fetched again because nesting can reorder it.
 */
export function useUpdateCategory() {
  const queryClient = useQueryClient();
  const { queryKey } = categoriesQueryOptions();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCategoryBody }) => updateCategory(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData<BookmarkCategoryList>(queryKey, (list) =>
        list
          ? {
              items: list.items.map((entry) =>
                entry.id === updated.id ? { ...updated, bookmarkCount: entry.bookmarkCount } : entry,
              ),
            }
          : list,
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
