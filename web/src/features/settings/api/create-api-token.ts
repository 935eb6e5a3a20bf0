import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, CreateTokenBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { apiTokensQueryOptions } from './get-api-tokens';

/** The answer holds the secret; it is shown once and never kept in the query cache. */
export function createApiToken(body: CreateTokenBody): Promise<CreatedToken> {
  return api.post<CreatedToken>('/auth/tokens', body);
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryOptions().queryKey }),
  });
}
