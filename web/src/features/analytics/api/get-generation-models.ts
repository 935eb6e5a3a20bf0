import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GenerationModels, AnalyticsDaysQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getGenerationModels(
  params: AnalyticsDaysQuery,
  signal?: AbortSignal,
): Promise<GenerationModels> {
  return api.get<GenerationModels>('/analytics/generation/models', { query: { ...params }, signal });
}

export const generationModelsQueryOptions = (params: AnalyticsDaysQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/generation/models', params],
    queryFn: ({ signal }) => getGenerationModels(params, signal),
  });

export function useGenerationModels(params: AnalyticsDaysQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...generationModelsQueryOptions(params), placeholderData: keepPreviousData });
}
