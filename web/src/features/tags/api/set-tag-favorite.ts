import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TagDetail, TagFavoriteResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { tagQueryOptions } from './get-tag';

/** PUT adds, DELETE removes; both are idempotent and carry no body. */
export function setTagFavorite(id: string, isFavorite: boolean): Promise<TagFavoriteResponse> {
  return isFavorite
    ? api.put<TagFavoriteResponse>(`/tags/${id}/favorite`)
    : api.delete<TagFavoriteResponse>(`/tags/${id}/favorite`);
}

function withFavorite(tag: TagDetail, isFavorite: boolean): TagDetail {
  return { ...tag, viewer: { rating: tag.viewer?.rating ?? null, isFavorite } };
}

/** Optimistic, like the rating: the heart flips at once and flips back if the API refuses. */
export function useSetTagFavorite(idOrSlug: string) {
  const queryClient = useQueryClient();
  const { queryKey } = tagQueryOptions(idOrSlug);
  return useMutation({
    mutationFn: ({ id, isFavorite }: { id: string; isFavorite: boolean }) => setTagFavorite(id, isFavorite),
    onMutate: async ({ isFavorite }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, withFavorite(previous, isFavorite));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKey, (tag) => tag && withFavorite(tag, answer.isFavorite));
    },
  });
}
