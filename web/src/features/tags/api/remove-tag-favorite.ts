import type { TagDetail, TagFavoriteResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withFavorite } from '../utils/tag-viewer';
import { tagQueryOptions } from './get-tag';

/** Idempotent, with no body. */
export function removeTagFavorite(id: string): Promise<TagFavoriteResponse> {
  return api.delete<TagFavoriteResponse>(`/tags/${id}/favorite`);
}

/** Optimistic, like the rating: the heart empties at once and fills again if the API refuses. */
export function useRemoveTagFavorite(idOrSlug: string) {
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: (id: string) => removeTagFavorite(id),
    apply: (tag: TagDetail) => withFavorite(tag, false),
    settle: (tag, answer) => withFavorite(tag, answer.isFavorite),
  });
}
