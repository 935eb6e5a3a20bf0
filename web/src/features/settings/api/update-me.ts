import { useMutation } from '@tanstack/react-query';
import type { CurrentUser, UpdateMeBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** Changes the caller's profile or preferences; preferences are merged one level deep by the API. */
export function updateMe(body: UpdateMeBody): Promise<CurrentUser> {
  return api.patch<CurrentUser>('/users/me', body);
}

/**
 * The signed-in user is cached by the auth feature; features do not import each other, so the caller
 * (an app route) says where the updated user goes.
 */
export function useUpdateMe(onUserChange: (user: CurrentUser) => void) {
  return useMutation({ mutationFn: updateMe, onSuccess: onUserChange });
}
