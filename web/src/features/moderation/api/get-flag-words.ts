import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FlagWordList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

export const flagWordsKey = [...moderationKey, 'words'] as const;

export function getFlagWords(signal?: AbortSignal): Promise<FlagWordList> {
  return api.get<FlagWordList>('/admin/flag-words', { signal });
}

export const flagWordsQueryOptions = () =>
  queryOptions({ queryKey: flagWordsKey, queryFn: ({ signal }) => getFlagWords(signal) });

export const useFlagWords = (enabled = true) => useQuery({ ...flagWordsQueryOptions(), enabled });
