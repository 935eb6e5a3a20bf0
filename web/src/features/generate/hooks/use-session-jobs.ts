import { useCallback, useEffect, useState } from 'react';

const KEY = 'genonaut-generate-session-jobs';
const MAX = 20;

function load(): number[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id)) : [];
  } catch {
    return [];
  }
}

/**
 * The jobs submitted from this tab, newest first. Kept for the browser session, so a reload still
 * shows their progress; the history tab lists every job.
 */
export function useSessionJobs() {
  const [ids, setIds] = useState<number[]>(load);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(ids));
    } catch {
      // Storage disabled: the list lives as long as the page.
    }
  }, [ids]);
  const add = useCallback(
    (id: number) => setIds((list) => [id, ...list.filter((x) => x !== id)].slice(0, MAX)),
    [],
  );
  const remove = useCallback((id: number) => setIds((list) => list.filter((x) => x !== id)), []);
  return { ids, add, remove };
}
