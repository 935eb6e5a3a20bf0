import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecommendationList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { RECOMMENDATIONS_LIMIT, recommendationsQueryKey } from './get-recommendations';

export function refreshRecommendations(limit: number): Promise<RecommendationList> {
  return api.post<RecommendationList>('/recommendations/refresh', undefined, { query: { limit } });
}

/** Recomputes the caller's list now; the answer is the new list, so the page shows it without refetching. */
export function useRefreshRecommendations(limit = RECOMMENDATIONS_LIMIT) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshRecommendations(limit),
    onSuccess: (list) => queryClient.setQueryData(recommendationsQueryKey(limit), list),
  });
}
