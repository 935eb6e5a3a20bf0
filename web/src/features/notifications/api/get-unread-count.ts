import { queryOptions, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerMessage } from '@genonaut/contracts';
import { useRealtimeMessages } from '@/hooks/use-realtime';

/**
 * The unread count lives in the query cache so every component that shows it agrees. The WebSocket
 * sends it when the socket opens and again after every change (a new notification, a read), so no
 * request is made for it here; null means "not known yet".
 */
export const unreadCountQueryOptions = () =>
  queryOptions<number | null>({
    queryKey: ['notifications', 'unread-count'],
    queryFn: skipToken,
    staleTime: Infinity,
  });

export function useUnreadCount(): number | null {
  const queryClient = useQueryClient();
  useRealtimeMessages((message: ServerMessage) => {
    if (message.type === 'unreadCount') {
      queryClient.setQueryData(unreadCountQueryOptions().queryKey, message.count);
    }
  });
  return useQuery(unreadCountQueryOptions()).data ?? null;
}
