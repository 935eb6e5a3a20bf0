import { useCallback } from 'react';
import { useRecentSearches } from '@/hooks/use-recent-searches';
import { useRecordSearch } from '../api/record-search';

/** The API keeps queries up to this length; a longer gallery search is run but not remembered. */
const MAX_QUERY_LENGTH = 500;

/**
 * Remembers a submitted gallery search: a signed-in user's in their server-side history (it follows
 * them between devices and feeds the history page), a visitor's only in this browser.
 */
export function useSearchRecorder(signedIn: boolean): (query: string) => void {
  const local = useRecentSearches();
  const { mutate } = useRecordSearch();
  const addLocal = local.add;
  return useCallback(
    (query: string) => {
      const trimmed = query.trim();
      if (!signedIn) return addLocal(trimmed);
      if (trimmed && trimmed.length <= MAX_QUERY_LENGTH) mutate(trimmed);
    },
    [signedIn, addLocal, mutate],
  );
}
