import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { LoraPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** One page of the largest size: the picker filters what it shows, the catalogue is small. */
const PAGE_SIZE = 100;

export function getLoras(checkpoint: string, signal?: AbortSignal): Promise<LoraPage> {
  return api.get<LoraPage>('/models/loras', {
    // With a checkpoint the API marks each LoRA compatible (or not) and optimal for it.
    query: { checkpoint: checkpoint || undefined, pageSize: PAGE_SIZE },
    signal,
  });
}

export const lorasQueryOptions = (checkpoint: string) =>
  queryOptions({
    queryKey: ['models', 'loras', { checkpoint }],
    queryFn: ({ signal }) => getLoras(checkpoint, signal),
    staleTime: 5 * 60_000,
  });

export function useLoras(checkpoint: string) {
  // The previous checkpoint's list stays visible while the new one's flags load.
  return useQuery({ ...lorasQueryOptions(checkpoint), placeholderData: keepPreviousData });
}
