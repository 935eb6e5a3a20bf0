import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GenerationOverview, AnalyticsDaysQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getGenerationOverview(
  params: AnalyticsDaysQuery,
  signal?: AbortSignal,
): Promise<GenerationOverview> {
  return api.get<GenerationOverview>('/analytics/generation/overview', { query: { ...params }, signal });
}

export const generationOverviewQueryOptions = (params: AnalyticsDaysQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/generation/overview', params],
    queryFn: ({ signal }) => getGenerationOverview(params, signal),
  });

export function useGenerationOverview(params: AnalyticsDaysQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...generationOverviewQueryOptions(params), placeholderData: keepPreviousData });
}
