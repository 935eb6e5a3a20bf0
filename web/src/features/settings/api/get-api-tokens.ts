import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiTokenList } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getApiTokens(signal?: AbortSignal): Promise<ApiTokenList> {
  return api.get<ApiTokenList>('/auth/tokens', { signal });
}

export const apiTokensQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'api-tokens'],
    queryFn: ({ signal }) => getApiTokens(signal),
  });

export function useApiTokens() {
  return useQuery(apiTokensQueryOptions());
}
