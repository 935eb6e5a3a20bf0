// Default answers for every endpoint the pages call: an anonymous visitor and empty lists. Tests
// override single endpoints with `server.use(...)`. Handler generics tie each body to the contract.
import { http, HttpResponse, ws } from 'msw';
import type {
  ContentDetail,
  ContentStats,
  ErrorResponse,
  GalleryPage,
  JobPage,
  MyGenerationStats,
  ServerMessage,
  TagSuggestions,
  UnreadCount,
  UserResponse,
} from '@genonaut/contracts';
import { makePage, makeStats, makeUser } from './fixtures';

export const API = '/api/v1';

export const realtime = ws.link('ws://*/api/v1/ws');

export function apiError(status: number, error: ErrorResponse['error']) {
  return HttpResponse.json<ErrorResponse>({ error }, { status });
}

const unauthenticated = () => apiError(401, { code: 'unauthenticated', message: 'Sign in first' });

export const handlers = [
  http.get<never, never, UserResponse | ErrorResponse>(`${API}/auth/me`, unauthenticated),
  http.post<never, never, null>(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })),
  http.get<never, never, GalleryPage>(`${API}/content`, () => HttpResponse.json(makePage([]))),
  http.get<never, never, ContentStats>(`${API}/content/stats`, () => HttpResponse.json(makeStats())),
  http.get<never, never, JobPage>(`${API}/generation-jobs`, () => HttpResponse.json(makePage([]))),
  http.get<{ id: string }, never, ContentDetail | ErrorResponse>(`${API}/content/:id`, () =>
    apiError(404, { code: 'not_found', message: 'No such item' }),
  ),
  http.get<never, never, TagSuggestions>(`${API}/tags/autocomplete`, () => HttpResponse.json({ items: [] })),
  http.get<never, never, MyGenerationStats>(`${API}/analytics/generation/me`, () =>
    HttpResponse.json({
      days: 30,
      requests: 0,
      successes: 0,
      failures: 0,
      cancellations: 0,
      images: 0,
      successRate: null,
      averageDurationMs: null,
    }),
  ),
  realtime.addEventListener('connection', () => {
    // Connections are accepted and stay quiet unless a test sends something.
  }),
];

/** Makes `/auth/me` answer with a signed-in user (and the unread count, fetched and on the socket). */
export function signedIn(user = makeUser(), unread = 0) {
  return [
    http.get<never, never, UserResponse>(`${API}/auth/me`, () => HttpResponse.json({ user })),
    http.get<never, never, UnreadCount>(`${API}/notifications/unread-count`, () =>
      HttpResponse.json({ unreadCount: unread }),
    ),
    realtime.addEventListener('connection', ({ client }) => {
      const message: ServerMessage = { type: 'unreadCount', count: unread };
      client.send(JSON.stringify(message));
    }),
  ];
}
