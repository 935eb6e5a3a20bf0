import type { TagDetail, TagRatingResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withOwnRating, withRatingAnswer } from '../utils/tag-viewer';
import { tagQueryOptions } from './get-tag';

/** Removes the caller's rating; the answer carries the average without it. */
export function deleteTagRating(id: string): Promise<TagRatingResponse> {
  return api.delete<TagRatingResponse>(`/tags/${id}/rating`);
}

/** Optimistic, like setting one: the stars clear at once and come back if the API refuses. */
export function useDeleteTagRating(idOrSlug: string) {
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: (id: string) => deleteTagRating(id),
    apply: (tag: TagDetail) => withOwnRating(tag, null),
    settle: withRatingAnswer,
  });
}
