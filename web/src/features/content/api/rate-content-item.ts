import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentDetail, RatingResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { contentItemQueryOptions } from './get-content-item';

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
  const queryClient = useQueryClient();
  const { queryKey } = contentItemQueryOptions(id);
  return useMutation({
    mutationFn: (rating: number | null) => rateContentItem(id, rating),
    onMutate: async (rating) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, withRating(previous, rating));
      return { previous };
    },
    onError: (_error, _rating, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(
        queryKey,
        (item) =>
          item && {
            ...withRating(item, answer.rating),
            ratingAvg: answer.ratingAvg,
            ratingCount: answer.ratingCount,
          },
      );
    },
  });
}
