import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordSearchBody, SearchHistoryEntry } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { searchHistoryKey } from './get-search-history';

export function recordSearch(query: string): Promise<SearchHistoryEntry> {
  const body: RecordSearchBody = { query };
  return api.post<SearchHistoryEntry>('/search-history', body);
}

/** Records a submitted search; the suggestions and the history page refresh afterwards. */
export function useRecordSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordSearch,
    onSettled: () => queryClient.invalidateQueries({ queryKey: searchHistoryKey }),
  });
}
