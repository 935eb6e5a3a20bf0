import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GalleryQuery } from '@genonaut/contracts';
import { galleryQueryOptions } from '@/api/get-gallery';

export const TAG_CONTENT_PAGE_SIZE = 24;

/**
 * The gallery filtered by one tag (its slug or id: the gallery takes both, so this can load alongside
 * the tag itself); `expandTags` (the API's default) also takes its descendants.
 */
function tagContentQuery(tag: string, page: number): GalleryQuery {
  return {
    tags: tag,
    expandTags: true,
    sort: 'newest',
    page: page > 1 ? page : undefined,
    pageSize: TAG_CONTENT_PAGE_SIZE,
  };
}

export function useTagContent(tag: string, page: number) {
  return useQuery({
    ...galleryQueryOptions(tagContentQuery(tag, page)),
    enabled: tag.length > 0,
    // The previous page of the same tag stays on screen (dimmed) while the next one loads, so the
    // pager does not jump; another tag's images never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].tags === tag ? keepPreviousData(previous) : undefined,
  });
}
