// Fixtures and MSW handlers for the notifications pages: an in-memory inbox that the list, read,
// read-all, delete and settings endpoints all change, so tests see what the server would answer.
import { http, HttpResponse } from 'msw';
import type {
  ErrorResponse,
  Notification,
  NotificationPage,
  NotificationSettings,
  ReadAllResponse,
  ServerMessage,
  UpdateNotificationSettingsBody,
} from '@genonaut/contracts';
import { API, apiError, realtime } from './handlers';

export function makeNotification(id: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    type: 'job_completed',
    title: `Job ${id} completed`,
    message: `Your job ${id} finished with 4 images`,
    relatedJobId: id,
    relatedContentId: null,
    readAt: null,
    createdAt: new Date(Date.UTC(2026, 10, 1, 12, id)).toISOString(),
    ...overrides,
  };
}

const notFound = () => apiError(404, { code: 'not_found', message: 'No such notification' });

/** The inbox, newest first; pages of `pageSize` with the next start index as the cursor. */
export function inbox(initial: Notification[], pageSize = 25) {
  const items = [...initial];
  const listQueries: URLSearchParams[] = [];
  const handlers = [
    http.get<never, never, NotificationPage>(`${API}/notifications`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      listQueries.push(query);
      const shown = query.get('unreadOnly') === 'true' ? items.filter((item) => !item.readAt) : items;
      const start = Number(query.get('cursor') ?? '0');
      const end = start + pageSize;
      return HttpResponse.json({
        items: shown.slice(start, end),
        pagination: {
          pageSize,
          nextCursor: end < shown.length ? String(end) : null,
          prevCursor: null,
          hasNext: end < shown.length,
          hasPrevious: start > 0,
        },
      });
    }),
    http.post<never, never, ReadAllResponse>(`${API}/notifications/read-all`, () => {
      const now = new Date().toISOString();
      let updated = 0;
      items.forEach((item, index) => {
        if (item.readAt) return;
        updated += 1;
        items[index] = { ...item, readAt: now };
      });
      return HttpResponse.json({ updated, unreadCount: 0 });
    }),
    http.post<{ id: string; action: string }, never, Notification | ErrorResponse>(
      `${API}/notifications/:id/:action`,
      ({ params }) => {
        const index = items.findIndex((item) => item.id === Number(params.id));
        const found = items[index];
        if (!found) return notFound();
        const next = {
          ...found,
          readAt: params.action === 'read' ? (found.readAt ?? new Date().toISOString()) : null,
        };
        items[index] = next;
        return HttpResponse.json(next);
      },
    ),
    http.delete<{ id: string }>(`${API}/notifications/:id`, ({ params }) => {
      const index = items.findIndex((item) => item.id === Number(params.id));
      if (index < 0) return notFound();
      items.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, items, listQueries };
}

/** The per-type settings as stored; PUT merges the types sent, like the API. */
export function notificationSettings(initial: Partial<NotificationSettings> = {}) {
  const settings: NotificationSettings = {
    job_completed: true,
    job_failed: true,
    job_cancelled: true,
    recommendation: true,
    system: true,
    ...initial,
  };
  const puts: UpdateNotificationSettingsBody[] = [];
  const handlers = [
    http.get<never, never, NotificationSettings>(`${API}/users/me/notification-settings`, () =>
      HttpResponse.json(settings),
    ),
    http.put<never, UpdateNotificationSettingsBody, NotificationSettings>(
      `${API}/users/me/notification-settings`,
      async ({ request }) => {
        const body = await request.json();
        puts.push(body);
        Object.assign(settings, body);
        return HttpResponse.json(settings);
      },
    ),
  ];
  return { handlers, settings, puts };
}

/** Pushes a notification (and the new count) to every connected socket, as the server does. */
export function pushNotification(notification: Notification, unreadCount: number) {
  const messages: ServerMessage[] = [
    { type: 'notification', notification },
    { type: 'unreadCount', count: unreadCount },
  ];
  for (const message of messages) realtime.broadcast(JSON.stringify(message));
}
