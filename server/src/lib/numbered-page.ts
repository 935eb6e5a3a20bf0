// A page of a list paged by number with an exact total (admin lists, tags, bookmarks, search history,
// models): the pagination block of SPEC §3 without cursors.
import type { Pagination } from '@genonaut/contracts';

export function numberedPagination(page: number, pageSize: number, total: number): Pagination {
  return {
    pageSize,
    page,
    totalCount: total,
    totalCountIsEstimate: false,
    hasNext: page * pageSize < total,
    hasPrevious: page > 1,
    nextCursor: null,
    prevCursor: null,
  };
}

export function numberedPage<T>(items: T[], page: number, pageSize: number, total: number) {
  return { items, pagination: numberedPagination(page, pageSize, total) };
}
