import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GenerationJob } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getJob(id: number, signal?: AbortSignal): Promise<GenerationJob> {
  return api.get<GenerationJob>(`/generation-jobs/${id}`, { signal });
}

/** WebSocket events keep this entry current, so it never goes stale by itself. */
export const jobQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['generation-jobs', 'item', id],
    queryFn: ({ signal }) => getJob(id, signal),
    staleTime: Infinity,
  });

export function useJob(id: number) {
  return useQuery(jobQueryOptions(id));
}
