import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GalleryPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export type RecentScope = 'mine' | 'community';

const SOURCES: Record<RecentScope, string> = {
  mine: 'mine-regular,mine-auto',
  community: 'community-regular,community-auto',
};

export function getRecentContent(scope: RecentScope, signal?: AbortSignal): Promise<GalleryPage> {
  return api.get<GalleryPage>('/content', {
    query: { sources: SOURCES[scope], sort: 'newest', pageSize: 8 },
    signal,
  });
}

export const recentContentQueryOptions = (scope: RecentScope) =>
  queryOptions({
    queryKey: ['dashboard', 'recent-content', scope],
    queryFn: ({ signal }) => getRecentContent(scope, signal),
  });

export function useRecentContent(scope: RecentScope) {
  return useQuery(recentContentQueryOptions(scope));
}

/** The gallery URL showing the same items, for the "see all" link. */
export const gallerySourcesFor = (scope: RecentScope) => SOURCES[scope];
