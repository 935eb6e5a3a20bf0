import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GenerationFailures, GenerationFailuresQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getGenerationFailures(
  params: GenerationFailuresQuery,
  signal?: AbortSignal,
): Promise<GenerationFailures> {
  return api.get<GenerationFailures>('/analytics/generation/failures', { query: { ...params }, signal });
}

export const generationFailuresQueryOptions = (params: GenerationFailuresQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/generation/failures', params],
    queryFn: ({ signal }) => getGenerationFailures(params, signal),
  });

export function useGenerationFailures(params: GenerationFailuresQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...generationFailuresQueryOptions(params), placeholderData: keepPreviousData });
}
