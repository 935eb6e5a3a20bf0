import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentStats } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getContentStats(signal?: AbortSignal): Promise<ContentStats> {
  return api.get<ContentStats>('/content/stats', { signal });
}

export const contentStatsQueryOptions = () =>
  queryOptions({ queryKey: ['content', 'stats'], queryFn: ({ signal }) => getContentStats(signal) });

export function useContentStats() {
  return useQuery(contentStatsQueryOptions());
}
