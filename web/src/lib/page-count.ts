import type { Pagination } from '@genonaut/contracts';

/** The API pages by number up to here; beyond, only its cursors go on. */
export const MAX_PAGE = 400;

/**
 * How many numbered pages to offer: the exact count when the API knows the total, else one past
 * the current page while there is more; never beyond what the API pages by number.
 */
export function numberedPageCount(info: Pagination, page: number, pageSize: number): number {
  const total = info.totalCount ?? (info.hasNext ? page + 1 : page) * pageSize;
  return Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / pageSize)));
}
