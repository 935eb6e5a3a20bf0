import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GenerationTrends, GenerationTrendsQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getGenerationTrends(
  params: GenerationTrendsQuery,
  signal?: AbortSignal,
): Promise<GenerationTrends> {
  return api.get<GenerationTrends>('/analytics/generation/trends', { query: { ...params }, signal });
}

export const generationTrendsQueryOptions = (params: GenerationTrendsQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/generation/trends', params],
    queryFn: ({ signal }) => getGenerationTrends(params, signal),
  });

export function useGenerationTrends(params: GenerationTrendsQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...generationTrendsQueryOptions(params), placeholderData: keepPreviousData });
}
