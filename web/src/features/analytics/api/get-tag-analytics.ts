import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TagAnalytics, TagAnalyticsQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getTagAnalytics(params: TagAnalyticsQuery, signal?: AbortSignal): Promise<TagAnalytics> {
  return api.get<TagAnalytics>('/analytics/tags', { query: { ...params }, signal });
}

export const tagAnalyticsQueryOptions = (params: TagAnalyticsQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/tags', params],
    queryFn: ({ signal }) => getTagAnalytics(params, signal),
  });

export function useTagAnalytics(params: TagAnalyticsQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...tagAnalyticsQueryOptions(params), placeholderData: keepPreviousData });
}
