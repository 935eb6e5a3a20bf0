import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ServerMessage, UnreadCount } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

const unreadCountKey = ['notifications', 'unread-count'] as const;

export function getUnreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return api.get<UnreadCount>('/notifications/unread-count', { signal });
}

/**
 * The unread count lives in the query cache so every component that shows it agrees. It is fetched
 * once for the first paint; afterwards the WebSocket keeps it current (it sends the count when it opens
 * and after every change), so it never goes stale by time. null means "not known yet".
 */
export const unreadCountQueryOptions = () =>
  queryOptions<number | null>({
    queryKey: unreadCountKey,
    queryFn: async ({ signal, client }) => {
      const asked = Date.now();
      const { unreadCount } = await getUnreadCount(signal);
      // A count pushed while the request was on its way is newer than the answer: keep it.
      const state = client.getQueryState<number | null>(unreadCountKey);
      if (state && state.data !== null && state.data !== undefined && state.dataUpdatedAt >= asked) {
        return state.data;
      }
      return unreadCount;
    },
    staleTime: Infinity,
  });

/** Sets the count from an answer that carries it (mark all read) before the socket repeats it. */
export function setUnreadCount(queryClient: QueryClient, count: number) {
  queryClient.setQueryData(unreadCountKey, count);
}

/**
 * A realtime listener that writes the count into the cache. The app attaches it when the socket is
 * created, so the greeting is kept even if it arrives before any bell is on screen.
 */
export function unreadCountListener(queryClient: QueryClient) {
  return (message: ServerMessage) => {
    if (message.type === 'unreadCount') setUnreadCount(queryClient, message.count);
  };
}

export function useUnreadCount(): number | null {
  return useQuery(unreadCountQueryOptions()).data ?? null;
}
