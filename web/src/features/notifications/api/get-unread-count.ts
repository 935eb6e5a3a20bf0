import { queryOptions, skipToken, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ServerMessage } from '@genonaut/contracts';

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

/**
 * A realtime listener that writes the count into the cache. The app attaches it when the socket is
 * created, so the greeting is kept even if it arrives before any bell is on screen.
 */
export function unreadCountListener(queryClient: QueryClient) {
  return (message: ServerMessage) => {
    if (message.type === 'unreadCount') {
      queryClient.setQueryData(unreadCountQueryOptions().queryKey, message.count);
    }
  };
}

export function useUnreadCount(): number | null {
  return useQuery(unreadCountQueryOptions()).data ?? null;
}
