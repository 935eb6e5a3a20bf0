import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FlaggedItemDetail } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

export function getFlaggedItem(id: number, signal?: AbortSignal): Promise<FlaggedItemDetail> {
  return api.get<FlaggedItemDetail>(`/admin/flagged-content/${id}`, { signal });
}

export const flaggedItemQueryOptions = (id: number) =>
  queryOptions({
    queryKey: [...moderationKey, 'item', id],
    queryFn: ({ signal }) => getFlaggedItem(id, signal),
  });

/** The review view of one flagged item: its text with the hits located and the risk broken down. */
export const useFlaggedItem = (id: number) => useQuery(flaggedItemQueryOptions(id));
