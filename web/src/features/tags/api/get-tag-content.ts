import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GalleryPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const TAG_CONTENT_PAGE_SIZE = 24;

/**
 * The gallery filtered by one tag (its slug or id: the gallery takes both, so this can load alongside
 * the tag itself); `expandTags` (the API's default) also takes its descendants.
 */
export function getTagContent(tag: string, page: number, signal?: AbortSignal): Promise<GalleryPage> {
  return api.get<GalleryPage>('/content', {
    query: {
      tags: tag,
      expandTags: true,
      sort: 'newest',
      page: page > 1 ? page : undefined,
      pageSize: TAG_CONTENT_PAGE_SIZE,
    },
    signal,
  });
}

export const tagContentQueryOptions = (tag: string, page: number) =>
  queryOptions({
    queryKey: ['tags', 'content', tag, page],
    queryFn: ({ signal }) => getTagContent(tag, page, signal),
  });

export function useTagContent(tag: string, page: number) {
  return useQuery({
    ...tagContentQueryOptions(tag, page),
    enabled: tag.length > 0,
    // The previous page of the same tag stays on screen (dimmed) while the next one loads, so the
    // pager does not jump; another tag's images never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === tag ? keepPreviousData(previous) : undefined,
  });
}
