import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScanProgress } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

/** How often the page asks while a rescan is queued or running. */
export const SCAN_POLL_MS = 1_000;

export const scanKey = [...moderationKey, 'scan'] as const;

export function getScanProgress(signal?: AbortSignal): Promise<ScanProgress> {
  return api.get<ScanProgress>('/admin/flagged-content/scan', { signal });
}

export const isScanActive = (progress: ScanProgress | undefined) =>
  progress?.state === 'queued' || progress?.state === 'running';

export const scanProgressQueryOptions = () =>
  queryOptions({
    queryKey: scanKey,
    queryFn: ({ signal }) => getScanProgress(signal),
    // Polls only while the scan is under way; a finished one is read once.
    refetchInterval: (query) => (isScanActive(query.state.data) ? SCAN_POLL_MS : false),
    staleTime: 0,
  });

export const useScanProgress = () => useQuery(scanProgressQueryOptions());
