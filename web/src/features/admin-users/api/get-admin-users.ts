import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminUserPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** Every key of this feature starts here, so a change refreshes every cached page. */
export const ADMIN_USERS_KEY = ['admin-users'] as const;

export const ADMIN_USERS_PAGE_SIZE = 25;

export interface AdminUsersFilter {
  q: string;
  page: number;
}

export function getAdminUsers({ q, page }: AdminUsersFilter, signal?: AbortSignal): Promise<AdminUserPage> {
  return api.get<AdminUserPage>('/admin/users', {
    query: { q: q || undefined, page, pageSize: ADMIN_USERS_PAGE_SIZE },
    signal,
  });
}

export const adminUsersQueryOptions = (filter: AdminUsersFilter) =>
  queryOptions({
    queryKey: [...ADMIN_USERS_KEY, filter],
    queryFn: ({ signal }) => getAdminUsers(filter, signal),
    // The table stays while the next page or search loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export function useAdminUsers(filter: AdminUsersFilter) {
  return useQuery(adminUsersQueryOptions(filter));
}
