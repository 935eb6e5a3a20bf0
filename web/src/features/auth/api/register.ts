import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterBody, UserResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { currentUserQueryOptions } from './get-current-user';

export function register(body: RegisterBody): Promise<UserResponse> {
  return api.post<UserResponse>('/auth/register', body);
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: ({ user }) => {
      queryClient.removeQueries();
      queryClient.setQueryData(currentUserQueryOptions().queryKey, user);
    },
  });
}
