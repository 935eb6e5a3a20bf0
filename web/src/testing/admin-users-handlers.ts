// MSW handlers for the admin users page: an in-memory user table that search, paging and PATCH change
// as the API would (including refusing to demote or deactivate the caller).
import { http, HttpResponse } from 'msw';
import type { AdminUpdateUserBody, AdminUserPage, CurrentUser, ErrorResponse } from '@genonaut/contracts';
import { makeUser } from './fixtures';
import { API, apiError } from './handlers';

export function makeUsers(count: number): CurrentUser[] {
  return Array.from({ length: count }, (_, i) =>
    makeUser({
      id: `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
      username: `user${i + 1}`,
      displayName: `User ${i + 1}`,
      email: `user${i + 1}@example.com`,
    }),
  );
}

export function adminUsersApi(initial: CurrentUser[], selfId: string) {
  const users = [...initial];
  const queries: URLSearchParams[] = [];
  const patches: { id: string; body: AdminUpdateUserBody }[] = [];
  const handlers = [
    http.get<never, never, AdminUserPage>(`${API}/admin/users`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const q = (query.get('q') ?? '').toLowerCase();
      const page = Number(query.get('page') ?? '1');
      const pageSize = Number(query.get('pageSize') ?? '25');
      const found = users.filter(
        (u) =>
          !q ||
          u.username.includes(q) ||
          u.email.includes(q) ||
          (u.displayName ?? '').toLowerCase().includes(q),
      );
      return HttpResponse.json({
        items: found.slice((page - 1) * pageSize, page * pageSize),
        pagination: {
          pageSize,
          page,
          totalCount: found.length,
          totalCountIsEstimate: false,
          hasNext: page * pageSize < found.length,
          hasPrevious: page > 1,
          nextCursor: null,
          prevCursor: null,
        },
      });
    }),
    http.patch<{ id: string }, AdminUpdateUserBody, CurrentUser | ErrorResponse>(
      `${API}/admin/users/:id`,
      async ({ params, request }) => {
        const body = await request.json();
        patches.push({ id: params.id, body });
        if (params.id === selfId && (body.role === 'user' || body.isActive === false))
          return apiError(409, { code: 'conflict', message: 'You cannot remove your own admin role' });
        const index = users.findIndex((u) => u.id === params.id);
        const user = users[index];
        if (!user) return apiError(404, { code: 'not_found', message: 'User not found' });
        const next = { ...user, ...body };
        users[index] = next;
        return HttpResponse.json(next);
      },
    ),
  ];
  return { handlers, users, queries, patches };
}
