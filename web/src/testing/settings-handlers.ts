// An in-memory account for the settings pages: `/auth/me` answers what `PATCH /users/me` last stored
// (preferences merged one level deep, like the API), and the token endpoints share one list. Handlers
// record what the pages sent, so tests check the calls themselves.
import { http, HttpResponse } from 'msw';
import type {
  ApiToken,
  ApiTokenList,
  ChangePasswordBody,
  CreatedToken,
  CreateTokenBody,
  CurrentUser,
  ErrorResponse,
  UnreadCount,
  UpdateMeBody,
  UserResponse,
} from '@genonaut/contracts';
import { makeUser } from './fixtures';
import { API, apiError } from './handlers';

export function account(initial: Partial<CurrentUser> = {}) {
  const state = { user: makeUser(initial), patches: [] as UpdateMeBody[] };
  const handlers = [
    http.get<never, never, UserResponse>(`${API}/auth/me`, () => HttpResponse.json({ user: state.user })),
    http.get<never, never, UnreadCount>(`${API}/notifications/unread-count`, () =>
      HttpResponse.json({ unreadCount: 0 }),
    ),
    http.patch<never, UpdateMeBody, CurrentUser>(`${API}/users/me`, async ({ request }) => {
      const body = await request.json();
      state.patches.push(body);
      const { preferences, ...rest } = body;
      state.user = { ...state.user, ...rest, preferences: { ...state.user.preferences, ...preferences } };
      return HttpResponse.json(state.user);
    }),
  ];
  return { state, handlers };
}

export function makeToken(n: number, overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: `00000000-0000-4000-8000-${String(500 + n).padStart(12, '0')}`,
    name: `token ${n}`,
    createdAt: '2026-03-01T10:00:00.000Z',
    lastUsedAt: null,
    ...overrides,
  };
}

export function tokenStore(initial: ApiToken[] = []) {
  const state = { tokens: [...initial], created: [] as string[], revoked: [] as string[] };
  const handlers = [
    http.get<never, never, ApiTokenList>(`${API}/auth/tokens`, () =>
      HttpResponse.json({ items: state.tokens }),
    ),
    http.post<never, CreateTokenBody, CreatedToken>(`${API}/auth/tokens`, async ({ request }) => {
      const { name } = await request.json();
      state.created.push(name);
      const token = makeToken(state.tokens.length + 10, { name });
      state.tokens = [token, ...state.tokens];
      return HttpResponse.json({ ...token, token: 'gnt_secret-value-shown-once' }, { status: 201 });
    }),
    http.delete<{ id: string }, never, ErrorResponse | null>(`${API}/auth/tokens/:id`, ({ params }) => {
      if (!state.tokens.some((t) => t.id === params.id))
        return apiError(404, { code: 'not_found', message: 'Token not found' });
      state.revoked.push(params.id);
      state.tokens = state.tokens.filter((t) => t.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { state, handlers };
}

/** `POST /auth/password`: 204 for the right current password, the API's 400 otherwise. */
export function passwordChange(currentPassword = 'the old secret') {
  const bodies: ChangePasswordBody[] = [];
  const handler = http.post<never, ChangePasswordBody, ErrorResponse | null>(
    `${API}/auth/password`,
    async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      if (body.currentPassword !== currentPassword) {
        return apiError(400, {
          code: 'validation_failed',
          message: 'body.currentPassword: is not your current password',
          details: [{ field: 'body.currentPassword', message: 'is not your current password' }],
        });
      }
      return new HttpResponse(null, { status: 204 });
    },
  );
  return { bodies, handler };
}
