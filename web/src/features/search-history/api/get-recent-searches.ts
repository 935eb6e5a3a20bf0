import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RecentSearches } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { searchHistoryKey } from './get-search-history';

export const RECENT_SEARCHES_LIMIT = 10;

export function getRecentSearches(prefix: string, signal?: AbortSignal): Promise<RecentSearches> {
  return api.get<RecentSearches>('/search-history/recent', {
    query: { limit: RECENT_SEARCHES_LIMIT, prefix: prefix || undefined },
    signal,
  });
}

/** All recent-search queries, whatever their prefix: removing an entry edits every one of them. */
export const recentSearchesKey = [...searchHistoryKey, 'recent'] as const;

export const recentSearchesQueryOptions = (prefix: string) =>
  queryOptions({
    queryKey: [...recentSearchesKey, prefix],
    queryFn: ({ signal }) => getRecentSearches(prefix, signal),
  });

/** The newest distinct searches starting with `prefix` (any case); asked only when `enabled`. */
export function useRecentSearchesQuery(prefix: string, enabled: boolean) {
  return useQuery({
    ...recentSearchesQueryOptions(prefix),
    enabled,
    // The dropdown keeps its options while the next prefix's answer is on its way.
    placeholderData: keepPreviousData,
  });
}
