import { useCallback } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, UserResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';

/** The signed-in user, or null when the session cookie is missing or has expired. */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    const { user } = await api.get<UserResponse>('/auth/me', { signal });
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => getCurrentUser(signal),
    staleTime: 5 * 60_000,
  });

export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}

/** Puts a user the API answered with (e.g. after a profile change) into the cache every page reads. */
export function useSetCurrentUser() {
  const queryClient = useQueryClient();
  return useCallback(
    (user: CurrentUser) => queryClient.setQueryData(currentUserQueryOptions().queryKey, user),
    [queryClient],
  );
}
