import type { ContentDetail, RatingResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { contentItemQueryOptions } from '@/api/get-content-item';

/** A whole-star rating 1–5 sets (or replaces) the caller's rating; null removes it. */
export function rateContentItem(id: number, rating: number | null): Promise<RatingResponse> {
  return rating === null
    ? api.delete<RatingResponse>(`/content/${id}/rating`)
    : api.put<RatingResponse>(`/content/${id}/rating`, { rating });
}

function withRating(item: ContentDetail, rating: number | null): ContentDetail {
  return { ...item, viewer: { bookmarkId: item.viewer?.bookmarkId ?? null, rating } };
}

/**
 * Optimistic: the stars change at once and go back to what they were if the API refuses; the
 * average and count come from the API's answer, since only it knows the other raters.
 */
export function useRateContentItem(id: number) {
  return useOptimisticMutation({
    queryKey: contentItemQueryOptions(id).queryKey,
    mutationFn: (rating: number | null) => rateContentItem(id, rating),
    apply: (item: ContentDetail, rating) => withRating(item, rating),
    settle: (item, answer) => ({
      ...withRating(item, answer.rating),
      ratingAvg: answer.ratingAvg,
      ratingCount: answer.ratingCount,
    }),
  });
}
