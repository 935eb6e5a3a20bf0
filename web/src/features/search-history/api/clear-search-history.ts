import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { searchHistoryKey } from './get-search-history';

export function clearSearchHistory(): Promise<void> {
  return api.delete<void>('/search-history/all');
}

export function useClearSearchHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearSearchHistory,
    onSettled: () => queryClient.invalidateQueries({ queryKey: searchHistoryKey }),
  });
}
