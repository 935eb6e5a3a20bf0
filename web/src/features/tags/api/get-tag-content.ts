import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GalleryPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const TAG_CONTENT_PAGE_SIZE = 24;

/** The gallery filtered by one tag; `expandTags` (the API's default) also takes its descendants. */
export function getTagContent(slug: string, page: number, signal?: AbortSignal): Promise<GalleryPage> {
  return api.get<GalleryPage>('/content', {
    query: {
      tags: slug,
      expandTags: true,
      sort: 'newest',
      page: page > 1 ? page : undefined,
      pageSize: TAG_CONTENT_PAGE_SIZE,
    },
    signal,
  });
}

export const tagContentQueryOptions = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['tags', 'content', slug, page],
    queryFn: ({ signal }) => getTagContent(slug, page, signal),
  });

export function useTagContent(slug: string | undefined, page: number) {
  return useQuery({
    ...tagContentQueryOptions(slug ?? '', page),
    enabled: Boolean(slug),
    // The previous page of the same tag stays on screen (dimmed) while the next one loads, so the
    // pager does not jump; another tag's images never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === slug ? keepPreviousData(previous) : undefined,
  });
}
