// GET /content, the one listing behind the gallery, the dashboard's recent images and a tag's images.
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { GalleryPage, GalleryQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getGallery(query: GalleryQuery, signal?: AbortSignal): Promise<GalleryPage> {
  return api.get<GalleryPage>('/content', { query: { ...query }, signal });
}

export const galleryQueryOptions = (query: GalleryQuery) =>
  queryOptions({
    queryKey: ['gallery', 'page', query] as const,
    queryFn: ({ signal }) => getGallery(query, signal),
  });

export function useGallery(query: GalleryQuery, enabled = true) {
  return useQuery({ ...galleryQueryOptions(query), enabled });
}

/** The infinite mode walks the API's keyset cursors, which never skip or repeat an item. */
export const galleryInfiniteQueryOptions = (query: Omit<GalleryQuery, 'page' | 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: ['gallery', 'infinite', query],
    queryFn: ({ pageParam, signal }) => getGallery({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.pagination.nextCursor ?? undefined,
  });

export function useGalleryInfinite(query: Omit<GalleryQuery, 'page' | 'cursor'>) {
  return useInfiniteQuery(galleryInfiniteQueryOptions(query));
}
