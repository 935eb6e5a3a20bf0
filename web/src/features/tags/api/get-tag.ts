import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TagDetail } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getTag(idOrSlug: string, signal?: AbortSignal): Promise<TagDetail> {
  return api.get<TagDetail>(`/tags/${encodeURIComponent(idOrSlug)}`, { signal });
}

export const tagQueryOptions = (idOrSlug: string) =>
  queryOptions({
    queryKey: ['tags', 'detail', idOrSlug],
    queryFn: ({ signal }) => getTag(idOrSlug, signal),
  });

/** The tag page: hierarchy around it, counts, ratings and (signed in) the viewer's rating and favourite. */
export function useTag(idOrSlug: string) {
  return useQuery({ ...tagQueryOptions(idOrSlug), enabled: idOrSlug.length > 0 });
}
