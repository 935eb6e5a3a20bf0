import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchHistoryPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const SEARCH_HISTORY_PAGE_SIZE = 25;

/** Every change to the history (record, delete, clear) refreshes all queries under this key. */
export const searchHistoryKey = ['search-history'] as const;

export function getSearchHistory(page: number, signal?: AbortSignal): Promise<SearchHistoryPage> {
  return api.get<SearchHistoryPage>('/search-history', {
    query: { page: page > 1 ? page : undefined, pageSize: SEARCH_HISTORY_PAGE_SIZE },
    signal,
  });
}

export const searchHistoryQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...searchHistoryKey, 'page', page],
    queryFn: ({ signal }) => getSearchHistory(page, signal),
  });

/** The caller's searches grouped by query, most recently used first. */
export function useSearchHistory(page: number) {
  return useQuery({
    ...searchHistoryQueryOptions(page),
    // The pager does not jump while the next page loads.
    placeholderData: keepPreviousData,
  });
}
