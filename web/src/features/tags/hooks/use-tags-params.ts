// The tags page keeps what matters in the URL (search, its page, the ticked tags, how they combine
// and the open branches), so reload and shared links restore it. Changes replace the history entry:
// ticking tags or opening branches one by one should not take as many presses of "back" to leave.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The gallery takes at most this many tags in one filter. */
export const MAX_GALLERY_TAGS = 20;

export interface TagsState {
  q: string;
  page: number;
  /** Ticked tags, by slug, in the order they were ticked. */
  tags: string[];
  tagMatch: 'all' | 'any';
  expandTags: boolean;
  /** Open tree branches, by tree path. */
  open: string[];
}

const list = (value: string | null) => (value ?? '').split(',').filter(Boolean);

export function parseTagsParams(params: URLSearchParams): TagsState {
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    tags: [...new Set(list(params.get('tags')))],
    tagMatch: params.get('tagMatch') === 'any' ? 'any' : 'all',
    expandTags: params.get('expandTags') !== 'false',
    open: list(params.get('open')),
  };
}

export function serializeTagsState(state: TagsState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.q && state.page > 1) params.set('page', String(state.page));
  if (state.tags.length > 0) params.set('tags', state.tags.join(','));
  if (state.tagMatch !== 'all') params.set('tagMatch', state.tagMatch);
  if (!state.expandTags) params.set('expandTags', 'false');
  if (state.open.length > 0) params.set('open', state.open.join(','));
  return params;
}

/**
 * The gallery URL's query for a selection, in the gallery's own parameter names and defaults
 * (`tagMatch` all and `expandTags` true are left out, as the gallery leaves them out).
 */
export function galleryQueryFor(state: Pick<TagsState, 'tags' | 'tagMatch' | 'expandTags'>) {
  const params = new URLSearchParams();
  params.set('tags', state.tags.join(','));
  if (state.tagMatch === 'any' && state.tags.length > 1) params.set('tagMatch', 'any');
  if (!state.expandTags) params.set('expandTags', 'false');
  return params;
}

export function useTagsParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseTagsParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<TagsState>) => {
      // From the latest URL, not this render's: two changes in one event must both land.
      setSearchParams(
        (current) => {
          const previous = parseTagsParams(current);
          // A new search starts at its first page.
          return serializeTagsState({ ...previous, ...('q' in change ? { page: 1 } : {}), ...change });
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { state, update };
}
