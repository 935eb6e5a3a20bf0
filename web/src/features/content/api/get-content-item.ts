import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentDetail } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getContentItem(id: number, signal?: AbortSignal): Promise<ContentDetail> {
  return api.get<ContentDetail>(`/content/${id}`, { signal });
}

export const contentItemQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['content', 'item', id],
    queryFn: ({ signal }) => getContentItem(id, signal),
  });

export function isValidContentId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

export function useContentItem(id: number) {
  return useQuery({ ...contentItemQueryOptions(id), enabled: isValidContentId(id) });
}
