import type { ContentDetail, RatingResponse } from '@genonaut/contracts';
import { contentItemQueryOptions } from '@/api/get-content-item';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withOwnRating, withRatingAnswer } from '../utils/own-rating';

/** Removes the caller's rating; the answer carries the average without it. */
export function deleteContentItemRating(id: number): Promise<RatingResponse> {
  return api.delete<RatingResponse>(`/content/${id}/rating`);
}

/** Optimistic, like setting one: the stars clear at once and come back if the API refuses. */
export function useDeleteContentItemRating(id: number) {
  return useOptimisticMutation({
    queryKey: contentItemQueryOptions(id).queryKey,
    mutationFn: (): Promise<RatingResponse> => deleteContentItemRating(id),
    apply: (item: ContentDetail) => withOwnRating(item, null),
    settle: withRatingAnswer,
  });
}
