// GET /content/{id}: the item page, and the settings "generate again" copies into the form.
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

/** Loads nothing for `null` or an id the API would refuse. */
export function useContentItem(id: number | null) {
  return useQuery({
    ...contentItemQueryOptions(id ?? 0),
    enabled: id !== null && isValidContentId(id),
  });
}
