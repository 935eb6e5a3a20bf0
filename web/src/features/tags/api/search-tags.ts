import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TagPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const TAG_SEARCH_PAGE_SIZE = 50;

export function searchTags(q: string, page: number, signal?: AbortSignal): Promise<TagPage> {
  return api.get<TagPage>('/tags', {
    query: { q, page, pageSize: TAG_SEARCH_PAGE_SIZE, sort: 'popular' },
    signal,
  });
}

export const tagSearchQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: ['tags', 'search', { q, page }],
    queryFn: ({ signal }) => searchTags(q, page, signal),
  });

/** Tags whose name or slug contains `q`; nothing is asked while `q` is blank. */
export function useTagSearch(q: string, page: number) {
  const trimmed = q.trim();
  return useQuery({
    ...tagSearchQueryOptions(trimmed, page),
    enabled: trimmed.length > 0,
    // The list stays put while the next keystroke's answer is on its way.
    placeholderData: keepPreviousData,
  });
}
