import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Checkpoint } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getCheckpoints(signal?: AbortSignal): Promise<{ items: Checkpoint[] }> {
  return api.get<{ items: Checkpoint[] }>('/models/checkpoints', { signal });
}

export const checkpointsQueryOptions = () =>
  queryOptions({
    queryKey: ['models', 'checkpoints'],
    queryFn: ({ signal }) => getCheckpoints(signal),
    // The catalogue changes when an admin syncs it, every few minutes at most.
    staleTime: 5 * 60_000,
  });

export function useCheckpoints() {
  return useQuery(checkpointsQueryOptions());
}
