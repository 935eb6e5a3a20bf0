import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyGenerationStats } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const MY_STATS_DAYS = 30;

export function getMyGenerationStats(signal?: AbortSignal): Promise<MyGenerationStats> {
  return api.get<MyGenerationStats>('/analytics/generation/me', { query: { days: MY_STATS_DAYS }, signal });
}

export const myGenerationStatsQueryOptions = () =>
  queryOptions({
    queryKey: ['analytics', 'generation', 'me', MY_STATS_DAYS],
    queryFn: ({ signal }) => getMyGenerationStats(signal),
  });

export function useMyGenerationStats() {
  return useQuery(myGenerationStatsQueryOptions());
}
