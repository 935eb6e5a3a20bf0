import { useMemo } from 'react';
import { useRecentSearches } from '@/hooks/use-recent-searches';
import { useDeleteSearch } from '../api/delete-search';
import { useRecentSearchesQuery } from '../api/get-recent-searches';
import { useDebouncedValue } from './use-debounced-value';
import { useSearchRecorder } from './use-search-recorder';

const DEBOUNCE_MS = 250;

export interface SearchSuggestions {
  /** Recent searches matching what is typed, newest first. */
  options: string[];
  record: (query: string) => void;
  remove: (query: string) => void;
}

/**
 * Recent searches for a search box: a signed-in user's come from their server-side history (so they
 * follow them between devices and feed the history page); a visitor's stay in this browser.
 */
export function useSearchSuggestions({
  signedIn,
  active,
  input,
}: {
  signedIn: boolean;
  /** Whether the box has been used yet: the API is not asked before. */
  active: boolean;
  input: string;
}): SearchSuggestions {
  const local = useRecentSearches();
  const prefix = useDebouncedValue(input.trim(), DEBOUNCE_MS);
  const recent = useRecentSearchesQuery(prefix, signedIn && active);
  const record = useSearchRecorder(signedIn);
  const deleteSearch = useDeleteSearch();
  const serverOptions = useMemo(() => recent.data?.items.map((entry) => entry.query) ?? [], [recent.data]);

  if (!signedIn) {
    return { options: local.searches, record, remove: local.remove };
  }
  return { options: serverOptions, record, remove: (query) => deleteSearch.mutate(query) };
}
