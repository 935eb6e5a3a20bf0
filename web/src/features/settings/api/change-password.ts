import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** The API ends the caller's other sessions; this one stays signed in. */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api.post<void>('/auth/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
