import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookmarkCategory, CreateCategoryBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { categoriesQueryOptions } from './get-categories';

export function createCategory(body: CreateCategoryBody): Promise<BookmarkCategory> {
  return api.post<BookmarkCategory>('/bookmark-categories', body);
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesQueryOptions().queryKey }),
  });
}
