// The gallery's whole state lives in the URL, so reload, back/forward and shared links restore it.
// Defaults are left out of the URL to keep links short; parsing is forgiving (bad values → defaults).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { GalleryQuery, GallerySort, GallerySourceScope } from '@genonaut/contracts';
import { MAX_PAGE } from '@/lib/page-count';

export const ALL_SOURCES: readonly GallerySourceScope[] = [
  'mine-regular',
  'mine-auto',
  'community-regular',
  'community-auto',
];
export const SORTS: readonly GallerySort[] = ['newest', 'oldest', 'top_rated', 'quality', 'most_bookmarked'];
export const THUMB_SIZES = ['small', 'medium', 'large'] as const;
export const PAGE_SIZE = 24;

export type ThumbSize = (typeof THUMB_SIZES)[number];
export type GalleryView = 'grid' | 'list';
export type PagingMode = 'pages' | 'scroll';

export interface GalleryState {
  q: string;
  sort: GallerySort;
  sources: GallerySourceScope[];
  tags: string[];
  tagMatch: 'all' | 'any';
  expandTags: boolean;
  page: number;
  view: GalleryView;
  size: ThumbSize;
  mode: PagingMode;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export function parseGalleryParams(params: URLSearchParams): GalleryState {
  const rawSources = params.get('sources');
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    sort: oneOf(SORTS, params.get('sort'), 'newest'),
    // Absent means all four switches on; present-but-empty means every switch off.
    sources:
      rawSources === null
        ? [...ALL_SOURCES]
        : ALL_SOURCES.filter((source) => rawSources.split(',').includes(source)),
    tags: (params.get('tags') ?? '').split(',').filter(Boolean),
    tagMatch: params.get('tagMatch') === 'any' ? 'any' : 'all',
    expandTags: params.get('expandTags') !== 'false',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    view: params.get('view') === 'list' ? 'list' : 'grid',
    size: oneOf(THUMB_SIZES, params.get('size'), 'medium'),
    mode: params.get('mode') === 'scroll' ? 'scroll' : 'pages',
  };
}

export function serializeGalleryState(state: GalleryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'newest') params.set('sort', state.sort);
  if (state.sources.length !== ALL_SOURCES.length) params.set('sources', state.sources.join(','));
  if (state.tags.length > 0) params.set('tags', state.tags.join(','));
  if (state.tagMatch !== 'all') params.set('tagMatch', state.tagMatch);
  if (!state.expandTags) params.set('expandTags', 'false');
  if (state.view !== 'grid') params.set('view', state.view);
  if (state.size !== 'medium') params.set('size', state.size);
  if (state.mode !== 'pages') params.set('mode', state.mode);
  if (state.page > 1 && state.mode === 'pages') params.set('page', String(state.page));
  return params;
}

/** The API query for a state; page is left out for the infinite mode, which follows cursors. */
export function toGalleryQuery(state: GalleryState, withPage = true): GalleryQuery {
  const query: GalleryQuery = { sort: state.sort, pageSize: PAGE_SIZE };
  if (state.sources.length !== ALL_SOURCES.length) query.sources = state.sources.join(',');
  if (state.q.trim()) query.q = state.q.trim();
  if (state.tags.length > 0) {
    query.tags = state.tags.join(',');
    query.tagMatch = state.tagMatch;
    query.expandTags = state.expandTags;
  }
  if (withPage && state.page > 1) query.page = state.page;
  return query;
}

/** Keys whose change shows different items, so the page number starts again at 1. */
const FILTER_KEYS: readonly (keyof GalleryState)[] = [
  'q',
  'sort',
  'sources',
  'tags',
  'tagMatch',
  'expandTags',
];

export function useGalleryParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseGalleryParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<GalleryState>) => {
      const resetsPage = FILTER_KEYS.some((key) => key in change);
      const next = { ...state, ...(resetsPage ? { page: 1 } : {}), ...change };
      // Every change is a history entry, so back undoes it.
      setSearchParams(serializeGalleryState(next));
    },
    [state, setSearchParams],
  );
  return { state, update };
}
