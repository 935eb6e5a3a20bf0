// A category page keeps its sort, order and page in the URL, so reload, back/forward and shared links
// restore them. Defaults are left out of the URL.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BookmarkSort } from '@genonaut/contracts';

export const SORTS: { value: BookmarkSort; label: string }[] = [
  { value: 'rating_then_added', label: 'Your rating, then date added' },
  { value: 'rating', label: 'Your rating' },
  { value: 'quality', label: 'Quality' },
  { value: 'added', label: 'Date added' },
  { value: 'created', label: 'Date created' },
  { value: 'title', label: 'Title' },
];

export interface BookmarkParams {
  sort: BookmarkSort;
  order: 'asc' | 'desc';
  page: number;
}

/** The API's own default order: titles A to Z, everything else highest or newest first. */
export const defaultOrder = (sort: BookmarkSort): 'asc' | 'desc' => (sort === 'title' ? 'asc' : 'desc');

export function parseBookmarkParams(params: URLSearchParams): BookmarkParams {
  const sortParam = params.get('sort');
  const sort = SORTS.find((entry) => entry.value === sortParam)?.value ?? 'rating_then_added';
  const orderParam = params.get('order');
  const order = orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaultOrder(sort);
  const page = Number(params.get('page') ?? '1');
  return { sort, order, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export function serializeBookmarkParams({ sort, order, page }: BookmarkParams): URLSearchParams {
  const params = new URLSearchParams();
  if (sort !== 'rating_then_added') params.set('sort', sort);
  if (order !== defaultOrder(sort)) params.set('order', order);
  if (page > 1) params.set('page', String(page));
  return params;
}

export function useBookmarkParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseBookmarkParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<BookmarkParams>) => {
      setSearchParams((current) => {
        const previous = parseBookmarkParams(current);
        // Another sort or order starts again at the first page; a new sort takes its own default order.
        const reset = 'page' in change ? {} : { page: 1 };
        const order: Partial<BookmarkParams> =
          change.sort && !change.order ? { order: defaultOrder(change.sort) } : {};
        return serializeBookmarkParams({ ...previous, ...reset, ...order, ...change });
      });
      if ('page' in change) window.scrollTo({ top: 0 });
    },
    [setSearchParams],
  );
  return { state, update };
}
