import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Notification } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { replaceNotification } from './get-notifications';

/**
 * The API has no read of a single notification, but marking one read answers it whole, and opening
 * a notification is what reads it. So the detail is loaded by POST /notifications/{id}/read, which
 * is idempotent; it is fetched once per visit (never refetched in the background, which would undo
 * a "mark unread" made on the page).
 */
export function openNotification(id: number): Promise<Notification> {
  return api.post<Notification>(`/notifications/${id}/read`);
}

export const notificationQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['notifications', 'detail', id],
    queryFn: async ({ client }) => {
      const notification = await openNotification(id);
      // The lists show it read too, without refetching them.
      replaceNotification(client, notification);
      return notification;
    },
    staleTime: Infinity,
    gcTime: 0,
  });

export function useNotification(id: number) {
  return useQuery({ ...notificationQueryOptions(id), enabled: Number.isInteger(id) && id > 0 });
}
