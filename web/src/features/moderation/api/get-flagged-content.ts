import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FlaggedPage, FlaggedQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const FLAGGED_PAGE_SIZE = 25;

/** Every review, rescan or word change refreshes all queries under this key. */
export const moderationKey = ['moderation'] as const;
export const flaggedListKey = [...moderationKey, 'flagged'] as const;

export function getFlaggedContent(query: FlaggedQuery, signal?: AbortSignal): Promise<FlaggedPage> {
  return api.get<FlaggedPage>('/admin/flagged-content', {
    query: { ...query, pageSize: FLAGGED_PAGE_SIZE },
    signal,
  });
}

export const flaggedContentQueryOptions = (query: FlaggedQuery) =>
  queryOptions({
    queryKey: [...flaggedListKey, query],
    queryFn: ({ signal }) => getFlaggedContent(query, signal),
  });

/** One page of the review queue for the filters in the URL. */
export function useFlaggedContent(query: FlaggedQuery) {
  return useQuery({ ...flaggedContentQueryOptions(query), placeholderData: keepPreviousData });
}
