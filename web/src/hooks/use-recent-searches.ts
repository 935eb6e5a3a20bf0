import { useCallback } from 'react';
import { useLocalStorage } from './use-local-storage';

const KEY = 'genonaut-recent-searches';
const MAX = 10;
const NONE: string[] = [];

/** The last searches typed into the app bar, newest first (kept in this browser only). */
export function useRecentSearches() {
  const [searches, setSearches] = useLocalStorage<string[]>(KEY, NONE);
  const add = useCallback(
    (query: string) => {
      const trimmed = query.trim();
      if (!trimmed) return;
      setSearches([trimmed, ...searches.filter((s) => s !== trimmed)].slice(0, MAX));
    },
    [searches, setSearches],
  );
  const remove = useCallback(
    (query: string) => setSearches(searches.filter((s) => s !== query)),
    [searches, setSearches],
  );
  return { searches, add, remove, clear: () => setSearches([]) };
}
