import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TagHierarchy } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getTagHierarchy(signal?: AbortSignal): Promise<TagHierarchy> {
  return api.get<TagHierarchy>('/tags/hierarchy', { signal });
}

export const tagHierarchyQueryOptions = () =>
  queryOptions({
    queryKey: ['tags', 'hierarchy'],
    queryFn: ({ signal }) => getTagHierarchy(signal),
    // The hierarchy changes only by admin edits; counts in it are refreshed daily anyway.
    staleTime: 5 * 60_000,
  });

/** The whole polyhierarchy in one answer: the tree is built (lazily) from it on the client. */
export function useTagHierarchy() {
  return useQuery(tagHierarchyQueryOptions());
}
