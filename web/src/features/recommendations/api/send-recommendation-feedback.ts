import { useMutation } from '@tanstack/react-query';
import type {
  RecommendationFeedback,
  RecommendationFeedbackAction,
  RecommendationList,
} from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { RECOMMENDATIONS_LIMIT, recommendationsQueryKey } from './get-recommendations';

export function sendRecommendationFeedback({
  contentId,
  action,
}: {
  contentId: number;
  action: RecommendationFeedbackAction;
}): Promise<RecommendationFeedback> {
  return api.post<RecommendationFeedback>(`/recommendations/${contentId}/feedback`, { action });
}

/** "Shown" and "opened": signals for the recommender that change nothing on the page. */
export function useRecordRecommendationFeedback() {
  return useMutation({ mutationFn: sendRecommendationFeedback });
}

/** Dismissing takes the item off the page at once and puts it back if the API refuses. */
export function useDismissRecommendation(limit = RECOMMENDATIONS_LIMIT) {
  return useOptimisticMutation<RecommendationList, number, RecommendationFeedback>({
    queryKey: recommendationsQueryKey(limit),
    mutationFn: (contentId) => sendRecommendationFeedback({ contentId, action: 'dismissed' }),
    apply: (list, contentId) => ({ ...list, items: list.items.filter((r) => r.contentId !== contentId) }),
    settle: (list) => list,
  });
}
