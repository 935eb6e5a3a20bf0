import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUpdateUserBody, CurrentUser } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { ADMIN_USERS_KEY } from './get-admin-users';

export interface UpdateAdminUserInput {
  id: string;
  change: AdminUpdateUserBody;
}

export function updateAdminUser({ id, change }: UpdateAdminUserInput): Promise<CurrentUser> {
  return api.patch<CurrentUser>(`/admin/users/${id}`, change);
}

/** Changes a role or the active flag; the API audits it. Every cached page is refetched after. */
export function useUpdateAdminUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAdminUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ADMIN_USERS_KEY }),
  });
}
