import type { TagDetail, TagFavoriteResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
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
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: ({ id, isFavorite }: { id: string; isFavorite: boolean }) => setTagFavorite(id, isFavorite),
    apply: (tag: TagDetail, { isFavorite }) => withFavorite(tag, isFavorite),
    settle: (tag, answer) => withFavorite(tag, answer.isFavorite),
  });
}
