import type { TagDetail, TagRatingBody, TagRatingResponse } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { withOwnRating, withRatingAnswer } from '../utils/tag-viewer';
import { tagQueryOptions } from './get-tag';

/** A half-star rating 1–5 sets (or replaces) the caller's rating. */
export function rateTag(id: string, rating: number): Promise<TagRatingResponse> {
  const body: TagRatingBody = { rating };
  return api.put<TagRatingResponse>(`/tags/${id}/rating`, body);
}

/**
 * Optimistic: the stars change at once and go back if the API refuses. `idOrSlug` is the page's
 * cache key.
 */
export function useRateTag(idOrSlug: string) {
  return useOptimisticMutation({
    queryKey: tagQueryOptions(idOrSlug).queryKey,
    mutationFn: ({ id, rating }: { id: string; rating: number }) => rateTag(id, rating),
    apply: (tag: TagDetail, { rating }) => withOwnRating(tag, rating),
    settle: withRatingAnswer,
  });
}
