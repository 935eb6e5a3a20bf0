import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RecommendationList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** Every key of this feature starts here. */
export const RECOMMENDATIONS_KEY = ['recommendations'] as const;

/** How many recommendations the page shows. */
export const RECOMMENDATIONS_LIMIT = 48;

export function getRecommendations(limit: number, signal?: AbortSignal): Promise<RecommendationList> {
  return api.get<RecommendationList>('/recommendations', { query: { limit }, signal });
}

export const recommendationsQueryKey = (limit: number) =>
  [...RECOMMENDATIONS_KEY, 'list', { limit }] as const;

export const recommendationsQueryOptions = (limit = RECOMMENDATIONS_LIMIT) =>
  queryOptions({
    queryKey: recommendationsQueryKey(limit),
    queryFn: ({ signal }) => getRecommendations(limit, signal),
  });

/** The caller's list, best first (the API computes a first list on the spot for a new user). */
export function useRecommendations(limit = RECOMMENDATIONS_LIMIT) {
  return useQuery(recommendationsQueryOptions(limit));
}
