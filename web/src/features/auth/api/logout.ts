import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { currentUserQueryOptions } from './get-current-user';

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Whatever the answer, this tab forgets the user: nothing private stays on screen.
      queryClient.removeQueries();
      queryClient.setQueryData(currentUserQueryOptions().queryKey, null);
    },
  });
}
