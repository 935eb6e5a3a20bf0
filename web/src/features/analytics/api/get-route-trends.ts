import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RouteTrends, RouteTrendsQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getRouteTrends(params: RouteTrendsQuery, signal?: AbortSignal): Promise<RouteTrends> {
  return api.get<RouteTrends>('/analytics/routes/trends', { query: { ...params }, signal });
}

export const routeTrendsQueryOptions = (params: RouteTrendsQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/routes/trends', params],
    queryFn: ({ signal }) => getRouteTrends(params, signal),
  });

export function useRouteTrends(params: RouteTrendsQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...routeTrendsQueryOptions(params), placeholderData: keepPreviousData });
}
