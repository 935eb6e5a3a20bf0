import { useGallery } from '@/api/get-gallery';

export type RecentScope = 'mine' | 'community';

const SOURCES: Record<RecentScope, string> = {
  mine: 'mine-regular,mine-auto',
  community: 'community-regular,community-auto',
};

/** The newest images of yours or of the community: the gallery's listing, a short page of it. */
export function useRecentContent(scope: RecentScope) {
  return useGallery({ sources: SOURCES[scope], sort: 'newest', pageSize: 8 });
}

/** The gallery's `sources` showing the same items, for the "see all" link. */
export const gallerySourcesFor = (scope: RecentScope) => SOURCES[scope];
