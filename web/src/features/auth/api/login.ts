import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, UserResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { currentUserQueryOptions } from './get-current-user';

export function login(body: LoginBody): Promise<UserResponse> {
  return api.post<UserResponse>('/auth/login', body);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Anything cached while signed out (viewer state, "mine" counts) belongs to nobody now.
      queryClient.removeQueries();
      queryClient.setQueryData(currentUserQueryOptions().queryKey, user);
    },
  });
}
