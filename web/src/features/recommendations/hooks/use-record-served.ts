import { useEffect, useRef } from 'react';
import type { Recommendation } from '@genonaut/contracts';
import { useRecordRecommendationFeedback } from '../api/send-recommendation-feedback';

/**
 * Tells the recommender which items were shown: once per item, and only for items not yet recorded as
 * served (the API keeps the first time anyway), so re-renders and refetches send nothing twice.
 */
export function useRecordServed(items: Recommendation[] | undefined) {
  const sent = useRef(new Set<number>());
  const { mutate } = useRecordRecommendationFeedback();
  useEffect(() => {
    for (const item of items ?? []) {
      if (item.servedAt !== null || sent.current.has(item.contentId)) continue;
      sent.current.add(item.contentId);
      mutate({ contentId: item.contentId, action: 'served' });
    }
  }, [items, mutate]);
}
