import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SharedCategory } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const SHARED_PAGE_SIZE = 24;

/** A public category through its share link; needs no sign-in. */
export function getSharedCategory(
  token: string,
  page: number,
  signal?: AbortSignal,
): Promise<SharedCategory> {
  return api.get<SharedCategory>(`/shared/categories/${encodeURIComponent(token)}`, {
    query: { page: page > 1 ? page : undefined, pageSize: SHARED_PAGE_SIZE },
    signal,
  });
}

export const sharedCategoryQueryOptions = (token: string, page: number) =>
  queryOptions({
    queryKey: ['shared-category', token, page],
    queryFn: ({ signal }) => getSharedCategory(token, page, signal),
  });

export function useSharedCategory(token: string, page: number) {
  return useQuery({
    ...sharedCategoryQueryOptions(token, page),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === token ? keepPreviousData(previous) : undefined,
  });
}
