import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TagSuggestions } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getTagSuggestions(q: string, signal?: AbortSignal): Promise<TagSuggestions> {
  return api.get<TagSuggestions>('/tags/autocomplete', { query: { q, limit: 10 }, signal });
}

export const tagSuggestionsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['tags', 'autocomplete', q],
    queryFn: ({ signal }) => getTagSuggestions(q, signal),
    staleTime: 5 * 60_000,
  });

/** Suggestions for the tag filter; the API needs at least one character. */
export function useTagSuggestions(q: string) {
  const trimmed = q.trim();
  return useQuery({
    ...tagSuggestionsQueryOptions(trimmed),
    enabled: trimmed.length > 0,
    // Keeps the list steady while the next keystroke's answer is on its way.
    placeholderData: keepPreviousData,
  });
}
