import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkReviewBody, BulkReviewResult } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

export function bulkReviewFlagged(body: BulkReviewBody): Promise<BulkReviewResult> {
  return api.post<BulkReviewResult>('/admin/flagged-content/bulk', body);
}

/** One decision for every selected item, all or nothing. */
export function useBulkReviewFlagged() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkReviewFlagged,
    onSettled: () => queryClient.invalidateQueries({ queryKey: moderationKey }),
  });
}
