import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const SIMILAR_LIMIT = 12;

export function getSimilarContent(id: number, signal?: AbortSignal): Promise<ContentList> {
  return api.get<ContentList>(`/content/${id}/similar`, { query: { limit: SIMILAR_LIMIT }, signal });
}

export const similarContentQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['content', 'similar', id],
    queryFn: ({ signal }) => getSimilarContent(id, signal),
  });

export function useSimilarContent(id: number) {
  return useQuery(similarContentQueryOptions(id));
}
