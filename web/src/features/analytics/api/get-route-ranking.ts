import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RouteRanking, RouteRankingQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getRouteRanking(params: RouteRankingQuery, signal?: AbortSignal): Promise<RouteRanking> {
  return api.get<RouteRanking>('/analytics/routes', { query: { ...params }, signal });
}

export const routeRankingQueryOptions = (params: RouteRankingQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/routes', params],
    queryFn: ({ signal }) => getRouteRanking(params, signal),
  });

export function useRouteRanking(params: RouteRankingQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...routeRankingQueryOptions(params), placeholderData: keepPreviousData });
}
