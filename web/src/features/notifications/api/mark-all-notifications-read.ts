import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReadAllResponse } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { invalidateNotificationLists, updateNotificationLists } from './get-notifications';
import { setUnreadCount } from './get-unread-count';

export function markAllNotificationsRead(): Promise<ReadAllResponse> {
  return api.post<ReadAllResponse>('/notifications/read-all');
}

/** Everything shown turns read at once; the lists are then refetched (the unread-only one empties). */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: async ({ unreadCount }) => {
      const now = new Date().toISOString();
      updateNotificationLists(queryClient, (items) =>
        items.map((item) => (item.readAt ? item : { ...item, readAt: now })),
      );
      setUnreadCount(queryClient, unreadCount);
      await invalidateNotificationLists(queryClient);
    },
  });
}
