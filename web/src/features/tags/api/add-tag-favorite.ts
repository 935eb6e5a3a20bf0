import type { TagDetail, TagFavoriteResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withFavorite } from '../utils/tag-viewer';
import { tagQueryOptions } from './get-tag';

/** Idempotent, with no body. */
export function addTagFavorite(id: string): Promise<TagFavoriteResponse> {
  return api.put<TagFavoriteResponse>(`/tags/${id}/favorite`);
}

/** Optimistic, like the rating: the heart fills at once and empties again if the API refuses. */
export function useAddTagFavorite(idOrSlug: string) {
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: (id: string) => addTagFavorite(id),
    apply: (tag: TagDetail) => withFavorite(tag, true),
    settle: (tag, answer) => withFavorite(tag, answer.isFavorite),
  });
}
