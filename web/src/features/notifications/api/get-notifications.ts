import {
  infiniteQueryOptions,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { Notification, NotificationPage } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export const NOTIFICATIONS_PAGE_SIZE = 25;

export function getNotifications(
  { unreadOnly, cursor }: { unreadOnly: boolean; cursor: string | undefined },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return api.get<NotificationPage>('/notifications', {
    query: { unreadOnly: unreadOnly || undefined, cursor, pageSize: NOTIFICATIONS_PAGE_SIZE },
    signal,
  });
}

const listsKey = ['notifications', 'list'] as const;

export const notificationsQueryOptions = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: [...listsKey, { unreadOnly }],
    queryFn: ({ pageParam, signal }) => getNotifications({ unreadOnly, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) =>
      last.pagination.hasNext ? (last.pagination.nextCursor ?? undefined) : undefined,
  });

/** Newest first, a cursor page at a time ("Load more"); keyset paging keeps new arrivals from shifting pages. */
export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery(notificationsQueryOptions(unreadOnly));
}

type Lists = InfiniteData<NotificationPage, string | undefined>;

/** Applies `change` to every page of every cached list (all and unread only). */
export function updateNotificationLists(
  queryClient: QueryClient,
  change: (items: Notification[], pageIndex: number) => Notification[],
) {
  queryClient.setQueriesData<Lists>(
    { queryKey: listsKey },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page, index) => ({ ...page, items: change(page.items, index) })),
      },
  );
}

/** A notification pushed over the socket goes on top of the first page of each list, once. */
export function prependNotification(queryClient: QueryClient, notification: Notification) {
  updateNotificationLists(queryClient, (items, index) => {
    if (index > 0) return items;
    return [notification, ...items.filter((item) => item.id !== notification.id)];
  });
}

/** Puts a changed notification (read or unread) in place wherever a list shows it. */
export function replaceNotification(queryClient: QueryClient, notification: Notification) {
  updateNotificationLists(queryClient, (items) =>
    items.map((item) => (item.id === notification.id ? notification : item)),
  );
}

/** Cached lists may miss changes made elsewhere: refetch them the next time they are shown. */
export function invalidateNotificationLists(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: listsKey });
}
