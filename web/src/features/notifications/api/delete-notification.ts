import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationQueryOptions } from './get-notification';
import { updateNotificationLists } from './get-notifications';

export function deleteNotification(id: number): Promise<void> {
  return api.delete<void>(`/notifications/${id}`);
}

/** The row leaves every cached list; the unread count follows over the socket. */
export function useDeleteNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteNotification,
    onSuccess: (_answer, id) => {
      updateNotificationLists(queryClient, (items) => items.filter((item) => item.id !== id));
      queryClient.removeQueries({ queryKey: notificationQueryOptions(id).queryKey });
    },
  });
}
