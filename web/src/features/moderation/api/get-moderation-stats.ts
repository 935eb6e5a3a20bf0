import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ModerationStats } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

export function getModerationStats(signal?: AbortSignal): Promise<ModerationStats> {
  return api.get<ModerationStats>('/admin/flagged-content/stats', { signal });
}

export const moderationStatsQueryOptions = () =>
  queryOptions({
    queryKey: [...moderationKey, 'stats'],
    queryFn: ({ signal }) => getModerationStats(signal),
  });

/** Counts by status and the risk histogram for the queue's header. */
export const useModerationStats = () => useQuery(moderationStatsQueryOptions());
