import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlagWordList, FlagWordsBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { flagWordsKey } from './get-flag-words';

export function updateFlagWords(words: string[]): Promise<FlagWordList> {
  const body: FlagWordsBody = { words };
  return api.put<FlagWordList>('/admin/flag-words', body);
}

/** Replaces the whole list; the saved list (sorted, without repeats) becomes the cached one. */
export function useUpdateFlagWords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFlagWords,
    onSuccess: (saved) => queryClient.setQueryData(flagWordsKey, saved),
  });
}
