import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ScanProgress } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { scanKey } from './get-scan-progress';

export function startScan(): Promise<ScanProgress> {
  return api.post<ScanProgress>('/admin/flagged-content/scan');
}

/** Queues the rescan of all content; the progress query then polls until it finishes. */
export function useStartScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startScan,
    onSuccess: (progress) => queryClient.setQueryData(scanKey, progress),
    onError: () => queryClient.invalidateQueries({ queryKey: scanKey }),
  });
}
