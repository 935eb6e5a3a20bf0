import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeMessages } from '@/hooks/use-realtime';
import { prependNotification } from '../api/get-notifications';

/** While mounted, notifications pushed over the socket appear on top of the lists without a reload. */
export function useLiveNotifications() {
  const queryClient = useQueryClient();
  useRealtimeMessages((message) => {
    if (message.type === 'notification') prependNotification(queryClient, message.notification);
  });
}
