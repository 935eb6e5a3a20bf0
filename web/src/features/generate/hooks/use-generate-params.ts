// The page's state in the URL: which tab, and on the history tab the status filter and the page.
// The job list pages by keyset cursor, so the URL keeps the cursors of the pages walked so far: the
// page number is their count plus one, and "newer" drops the last one.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { JobStatus } from '@genonaut/contracts';
import { JOB_STATUSES } from '../utils/job-event';

export type GenerateTab = 'generate' | 'history';

export interface HistoryState {
  statuses: JobStatus[];
  cursors: string[];
}

export function parseHistory(params: URLSearchParams): HistoryState {
  const status = (params.get('status') ?? '').split(',');
  return {
    statuses: JOB_STATUSES.filter((s) => status.includes(s)),
    cursors: (params.get('cursors') ?? '').split(',').filter((c) => /^\d{1,15}$/.test(c)),
  };
}

export function useGenerateParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: GenerateTab = searchParams.get('tab') === 'history' ? 'history' : 'generate';
  const history = useMemo(() => parseHistory(searchParams), [searchParams]);

  const setTab = useCallback(
    (next: GenerateTab) =>
      setSearchParams((params) => {
        const result = new URLSearchParams(params);
        if (next === 'history') result.set('tab', 'history');
        else {
          result.delete('tab');
          result.delete('status');
          result.delete('cursors');
        }
        return result;
      }),
    [setSearchParams],
  );

  const setHistory = useCallback(
    (change: Partial<HistoryState>) =>
      setSearchParams((params) => {
        // A new filter is a new list: it starts again from the newest job.
        const next = { ...history, ...('statuses' in change ? { cursors: [] } : {}), ...change };
        const result = new URLSearchParams(params);
        result.set('tab', 'history');
        if (next.statuses.length > 0) result.set('status', next.statuses.join(','));
        else result.delete('status');
        if (next.cursors.length > 0) result.set('cursors', next.cursors.join(','));
        else result.delete('cursors');
        return result;
      }),
    [history, setSearchParams],
  );

  /** Drops `from` once its settings are in the form, without a history entry. */
  const clearFrom = useCallback(
    () =>
      setSearchParams(
        (params) => {
          const result = new URLSearchParams(params);
          result.delete('from');
          return result;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const rawFrom = searchParams.get('from');
  const from = rawFrom !== null && /^\d{1,15}$/.test(rawFrom) && Number(rawFrom) > 0 ? Number(rawFrom) : null;

  return { tab, setTab, history, setHistory, from, rawFrom, clearFrom };
}
