import type { TagDetail, TagRatingResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { tagQueryOptions } from './get-tag';

/** A half-star rating 1–5 sets (or replaces) the caller's rating; null removes it. */
export function rateTag(id: string, rating: number | null): Promise<TagRatingResponse> {
  return rating === null
    ? api.delete<TagRatingResponse>(`/tags/${id}/rating`)
    : api.put<TagRatingResponse>(`/tags/${id}/rating`, { rating });
}

function withRating(tag: TagDetail, rating: number | null): TagDetail {
  return { ...tag, viewer: { isFavorite: tag.viewer?.isFavorite ?? false, rating } };
}

/**
 * Optimistic: the stars change at once and go back if the API refuses; the average and count come
 * from the API's answer, since only it knows the other raters. `idOrSlug` is the page's cache key.
 */
export function useRateTag(idOrSlug: string) {
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: ({ id, rating }: { id: string; rating: number | null }) => rateTag(id, rating),
    apply: (tag: TagDetail, { rating }) => withRating(tag, rating),
    settle: (tag, answer) => ({
      ...withRating(tag, answer.rating),
      ratingAvg: answer.ratingAvg,
      ratingCount: answer.ratingCount,
    }),
  });
}
