import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { replaceNotification } from './get-notifications';
import { notificationQueryOptions } from './get-notification';

/** POST /notifications/{id}/read or /unread; both answer the notification as it is now. */
export function setNotificationRead(id: number, read: boolean): Promise<Notification> {
  return api.post<Notification>(`/notifications/${id}/${read ? 'read' : 'unread'}`);
}

/**
 * Lists and the detail take the answer; the unread count comes over the socket. An item that becomes
 * read stays in the unread-only list until it is next fetched, so rows do not jump under the pointer.
 */
export function useSetNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, read }: { id: number; read: boolean }) => setNotificationRead(id, read),
    onSuccess: (notification) => {
      replaceNotification(queryClient, notification);
      queryClient.setQueryData(notificationQueryOptions(notification.id).queryKey, notification);
    },
  });
}
