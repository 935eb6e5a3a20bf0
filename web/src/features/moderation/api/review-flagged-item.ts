import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewBody, ReviewResult } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { moderationKey } from './get-flagged-content';

export function reviewFlaggedItem(id: number, body: ReviewBody): Promise<ReviewResult> {
  return api.post<ReviewResult>(`/admin/flagged-content/${id}/review`, body);
}

/** Approve or remove one item; the queue, its stats and the item refresh afterwards. */
export function useReviewFlaggedItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => reviewFlaggedItem(id, body),
    onSuccess: async (result) => {
      // A removed item is gone: drop it rather than refetch a 404.
      if (result.status === 'removed')
        queryClient.removeQueries({ queryKey: [...moderationKey, 'item', id] });
      await queryClient.invalidateQueries({ queryKey: moderationKey });
    },
  });
}
