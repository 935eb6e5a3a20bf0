import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentDetail } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** The item whose settings "generate again" copies into the form. */
export function getSourceContent(id: number, signal?: AbortSignal): Promise<ContentDetail> {
  return api.get<ContentDetail>(`/content/${id}`, { signal });
}

export const sourceContentQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['generate', 'source-content', id],
    queryFn: ({ signal }) => getSourceContent(id, signal),
  });

export function useSourceContent(id: number | null) {
  return useQuery({ ...sourceContentQueryOptions(id ?? 0), enabled: id !== null });
}
