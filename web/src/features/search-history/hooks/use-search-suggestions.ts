import { useMemo } from 'react';
import { useRecentSearches } from '@/hooks/use-recent-searches';
import { useDeleteSearch } from '../api/delete-search';
import { useRecentSearchesQuery } from '../api/get-recent-searches';
import { useRecordSearch } from '../api/record-search';
import { useDebouncedValue } from './use-debounced-value';

const DEBOUNCE_MS = 250;
/** The API keeps queries up to this length; a longer gallery search is run but not remembered. */
const MAX_QUERY_LENGTH = 500;

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
  const recordSearch = useRecordSearch();
  const deleteSearch = useDeleteSearch();
  const serverOptions = useMemo(() => recent.data?.items.map((entry) => entry.query) ?? [], [recent.data]);

  if (!signedIn) {
    return { options: local.searches, record: local.add, remove: local.remove };
  }
  return {
    options: serverOptions,
    record: (query) => {
      const trimmed = query.trim();
      if (trimmed && trimmed.length <= MAX_QUERY_LENGTH) recordSearch.mutate(trimmed);
    },
    remove: (query) => deleteSearch.mutate(query),
  };
}
