import type { ContentDetail, RatingBody, RatingResponse } from '@genonaut/contracts';
import { contentItemQueryOptions } from '@/api/get-content-item';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withOwnRating, withRatingAnswer } from '../utils/own-rating';

/** A whole-star rating 1–5 sets (or replaces) the caller's rating. */
export function rateContentItem(id: number, rating: number): Promise<RatingResponse> {
  const body: RatingBody = { rating };
  return api.put<RatingResponse>(`/content/${id}/rating`, body);
}

/** Optimistic: the stars change at once and go back to what they were if the API refuses. */
export function useRateContentItem(id: number) {
  return useOptimisticMutation({
    queryKey: contentItemQueryOptions(id).queryKey,
    mutationFn: (rating: number) => rateContentItem(id, rating),
    apply: (item: ContentDetail, rating) => withOwnRating(item, rating),
    settle: withRatingAnswer,
  });
}
