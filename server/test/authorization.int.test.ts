// Every route's access rule, enumerated from the registered route table (a new route cannot slip by
// unguarded: the auth plugin refuses to register an /api route without config.access), and the user and
// admin endpoints tried as the wrong user.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AdminUserPage, CreatedToken, CurrentUser, UserProfile, UserStats } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, sessionCookie, signUp, someIp, PASSWORD, promoteToAdmin, type Session } from './auth-helpers';
import { createContent } from './factories';
import { buildApp } from '../src/app';
import { buildTestApp, testConfig } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob, admin] = await Promise.all([signUp(app), signUp(app), signUp(app)]);
  await promoteToAdmin(app, admin.user.id);
});
afterAll(() => app.close());

/** A concrete URL for a route pattern; the guard runs before validation, so any id shape will do. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());

describe('route table', () => {
  it('declares an access rule for every API route', () => {
    expect(app.routeAccess.length).toBeGreaterThan(10);
    for (const route of app.routeAccess) expect(['public', 'user', 'admin']).toContain(route.access);
  });

  it('refuses to register an API route without an access rule', async () => {
    const extra = await buildApp({ config: testConfig(), logger: false, redis: app.redis });
    try {
      expect(() => extra.get('/api/v1/forgotten', () => ({}))).toThrow(/does not declare config.access/);
    } finally {
      await extra.close();
    }
  });

  it('answers 401 to anonymous callers on every user and admin route', async () => {
    const guarded = app.routeAccess.filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('answers 403 to a plain user on every admin route', async () => {
    const adminRoutes = app.routeAccess.filter((r) => r.access === 'admin');
    expect(adminRoutes.length).toBeGreaterThan(0);
    for (const route of adminRoutes) {
      const response = await app.inject(
        as(alice, {
          method: route.method,
          url: concrete(route.url),
          payload: route.method === 'GET' ? undefined : {},
        }),
      );
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
      });
    }
  });
});

describe('queue dashboard', () => {
  it('is for admins only', async () => {
    expect((await app.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(401);
    expect((await app.inject(as(alice, { method: 'GET', url: '/admin/queues' }))).statusCode).toBe(403);
    expect((await app.inject(as(alice, { method: 'GET', url: '/admin/queues/api/queues' }))).statusCode).toBe(
      403,
    );
    const page = await app.inject(as(admin, { method: 'GET', url: '/admin/queues' }));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    const queues = await app.inject(as(admin, { method: 'GET', url: '/admin/queues/api/queues' }));
    expect(queues.statusCode).toBe(200);
    expect(JSON.stringify(queues.json())).toContain('generation');
  });
});

describe('user profiles', () => {
  it('shows email, role and preferences only to the user themself and admins', async () => {
    const url = `/api/v1/users/${alice.user.id}`;
    const anonymous = (await app.inject({ method: 'GET', url })).json<UserProfile>();
    expect(anonymous).toEqual({
      id: alice.user.id,
      username: alice.user.username,
      displayName: null,
      createdAt: expect.any(String),
    });
    const byBob = (await app.inject(as(bob, { method: 'GET', url }))).json<UserProfile>();
    expect(byBob.email).toBeUndefined();
    expect((await app.inject(as(alice, { method: 'GET', url }))).json<UserProfile>().email).toBe(
      alice.user.email,
    );
    expect((await app.inject(as(admin, { method: 'GET', url }))).json<UserProfile>()).toMatchObject({
      email: alice.user.email,
      role: 'user',
    });
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${randomUUID()}` })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/users/../../etc' });
    expect([400, 404]).toContain(bad.statusCode);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid' })).statusCode).toBe(400);
  });

  it('counts private items in stats only for the owner', async () => {
    const owner = await signUp(app);
    await createContent(app.db, owner.user.id, { is_private: true });
    await createContent(app.db, owner.user.id, { source: 'auto' });
    const url = `/api/v1/users/${owner.user.id}/stats`;
    const own = (await app.inject(as(owner, { method: 'GET', url }))).json<UserStats>();
    expect(own).toMatchObject({ contentCount: 2, regularCount: 1, autoCount: 1, generationJobs: 0 });
    const others = (await app.inject(as(bob, { method: 'GET', url }))).json<UserStats>();
    expect(others).toMatchObject({ contentCount: 1, regularCount: 0, autoCount: 1 });
    expect(others.generationJobs).toBeUndefined();
  });
});

describe('PATCH /users/me', () => {
  it('requires authentication', async () => {
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/v1/users/me', payload: { displayName: 'x' } }))
        .statusCode,
    ).toBe(401);
  });

  it('changes only the caller, merging preferences', async () => {
    const session = await signUp(app);
    const patch = (payload: Record<string, unknown>) =>
      app.inject(as(session, { method: 'PATCH', url: '/api/v1/users/me', payload }));
    await patch({ preferences: { theme: 'dark', sidebar: { collapsed: true } } });
    const updated = (
      await patch({ displayName: 'New Name', preferences: { pageSize: 50 } })
    ).json<CurrentUser>();
    expect(updated).toMatchObject({
      displayName: 'New Name',
      preferences: { theme: 'dark', sidebar: { collapsed: true }, pageSize: 50 },
    });
    const bobNow = (await app.inject(as(bob, { method: 'GET', url: '/api/v1/auth/me' }))).json<{
      user: CurrentUser;
    }>();
    expect(bobNow.user.displayName).toBeNull();
  });

  it('ignores a user id in the body: identity comes from the session only', async () => {
    const session = await signUp(app);
    const response = await app.inject(
      as(session, {
        method: 'PATCH',
        url: '/api/v1/users/me',
        payload: { displayName: 'x', id: bob.user.id },
      }),
    );
    expect(response.statusCode).toBe(400);
    const bobNow = await app.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', bob.user.id)
      .executeTakeFirstOrThrow();
    expect(bobNow.display_name).toBeNull();
  });

  it('refuses an email another account uses', async () => {
    const session = await signUp(app);
    const response = await app.inject(
      as(session, {
        method: 'PATCH',
        url: '/api/v1/users/me',
        payload: { email: bob.user.email.toUpperCase() },
      }),
    );
    expect(response.statusCode).toBe(409);
  });
});

describe('admin user management', () => {
  it('requires authentication', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${alice.user.id}`,
      payload: { role: 'admin' },
    });
    expect(patch.statusCode).toBe(401);
  });

  it('refuses a plain user', async () => {
    expect((await app.inject(as(alice, { method: 'GET', url: '/api/v1/admin/users' }))).statusCode).toBe(403);
    const attempt = await app.inject(
      as(alice, { method: 'PATCH', url: `/api/v1/admin/users/${alice.user.id}`, payload: { role: 'admin' } }),
    );
    expect(attempt.statusCode).toBe(403);
    const role = await app.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', alice.user.id)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe('user');
  });

  it('lists and filters users', async () => {
    const response = await app.inject(
      as(admin, { method: 'GET', url: `/api/v1/admin/users?q=${alice.user.username}&pageSize=5` }),
    );
    const page = response.json<AdminUserPage>();
    expect(page.items.map((u) => u.id)).toEqual([alice.user.id]);
    expect(page.pagination).toMatchObject({ page: 1, pageSize: 5, totalCount: 1, hasNext: false });
  });

  it('deactivates a user: their sessions end, their tokens stop, and the action is audited', async () => {
    const target = await signUp(app);
    const token = (
      await app.inject(as(target, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 't' } }))
    ).json<CreatedToken>();
    const response = await app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/admin/users/${target.user.id}`,
        payload: { isActive: false },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json<CurrentUser>().isActive).toBe(false);
    expect((await app.inject(as(target, { method: 'GET', url: '/api/v1/auth/me' }))).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${token.token}` },
        })
      ).statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: someIp(),
      payload: { login: target.user.username, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', target.user.id)
      .where('action', '=', 'admin.user_update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(admin.user.id);
  });

  it('promotes a user to admin, who then reaches admin routes', async () => {
    const target = await signUp(app);
    await app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/admin/users/${target.user.id}`,
        payload: { role: 'admin' },
      }),
    );
    const relogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: someIp(),
      payload: { login: target.user.username, password: PASSWORD },
    });
    const cookie = sessionCookie(relogin);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie } })).statusCode,
    ).toBe(200);
  });

  it('does not let an admin demote or deactivate themself', async () => {
    const response = await app.inject(
      as(admin, { method: 'PATCH', url: `/api/v1/admin/users/${admin.user.id}`, payload: { role: 'user' } }),
    );
    expect(response.statusCode).toBe(409);
    const deactivate = await app.inject(
      as(admin, {
        method: 'PATCH',
        url: `/api/v1/admin/users/${admin.user.id}`,
        payload: { isActive: false },
      }),
    );
    expect(deactivate.statusCode).toBe(409);
    const self = await app.db
      .selectFrom('users')
      .select(['role', 'is_active'])
      .where('id', '=', admin.user.id)
      .executeTakeFirstOrThrow();
    expect(self).toEqual({ role: 'admin', is_active: true });
  });

  it('answers 404 for an unknown user and 400 for an empty change', async () => {
    expect(
      (
        await app.inject(
          as(admin, {
            method: 'PATCH',
            url: `/api/v1/admin/users/${randomUUID()}`,
            payload: { role: 'user' },
          }),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject(
          as(admin, { method: 'PATCH', url: `/api/v1/admin/users/${alice.user.id}`, payload: {} }),
        )
      ).statusCode,
    ).toBe(400);
  });
});
