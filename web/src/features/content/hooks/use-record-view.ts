import { useEffect, useRef } from 'react';
import { useRecordInteraction } from '../api/record-interaction';

/**
 * Records one view per opening of an item's page, once the item has loaded (a missing or hidden item
 * is not a view). The ref keeps refetches and React's development double effects from counting twice;
 * moving to another item (a similar one) on the same page counts that item.
 */
export function useRecordView(id: number, loaded: boolean) {
  const { mutate } = useRecordInteraction();
  const recorded = useRef<number | null>(null);
  useEffect(() => {
    if (!loaded || recorded.current === id) return;
    recorded.current = id;
    mutate({ id, type: 'view' });
  }, [id, loaded, mutate]);
}
