import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecentSearches } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { recentSearchesKey } from './get-recent-searches';
import { searchHistoryKey } from './get-search-history';

/** Forgets every use of exactly `query`. */
export function deleteSearch(query: string): Promise<void> {
  return api.delete<void>('/search-history', { query: { query } });
}

/**
 * The entry leaves every suggestion list at once (they are keyed by prefix, so all are edited);
 * everything is refetched afterwards, which also brings it back if the API refused.
 */
export function useDeleteSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSearch,
    onMutate: async (query) => {
      await queryClient.cancelQueries({ queryKey: recentSearchesKey });
      queryClient.setQueriesData<RecentSearches>({ queryKey: recentSearchesKey }, (data) =>
        data ? { items: data.items.filter((entry) => entry.query !== query) } : data,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: searchHistoryKey }),
  });
}
