// The caller cache (modules/auth/caller-cache.ts) over the real stack: a token's owner and a session's
// user come from memory once read, and stop doing so the moment this process revokes a token or an admin
// changes a user, and as soon as the commit of any other writer (here plain SQL) is announced. Other
// test files write users and tokens at the same time, which also moves the version: assertions on hits
// retry until they see one.
import type { FastifyInstance } from 'fastify';
import type { CreatedToken, CurrentUser } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { buildTestApp } from './test-context';

const WAIT = { timeout: 20_000, interval: 50 };
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp({ CALLER_CACHE_ENTRIES: '1000' });
});
afterAll(() => app.close());

async function tokenOf(session: Session): Promise<{ id: string; headers: Record<string, string> }> {
  const created = await app.inject(
    as(session, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'cache test' } }),
  );
  const token = created.json<CreatedToken>();
  return { id: token.id, headers: { authorization: `Bearer ${token.token}` } };
}

const me = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const adminList = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/admin/users?limit=1', headers });

/** Asks until an answer comes from memory (another file's write may have just moved the version). */
async function cached(headers: Record<string, string>): Promise<void> {
  await vi.waitFor(async () => {
    expect((await me(headers)).statusCode).toBe(200);
    const before = app.callers.hits();
    const again = await me(headers);
    expect(again.statusCode).toBe(200);
    expect(app.callers.hits()).toBe(before + 1);
  }, WAIT);
}

describe('the caller cache', () => {
  it('answers a token owner and a session user from memory, as the database would', async () => {
    const session = await signUp(app);
    const token = await tokenOf(session);
    await cached(token.headers);
    await cached(session.headers);
    expect((await me(token.headers)).json<{ user: CurrentUser }>().user.id).toBe(session.user.id);
    expect((await me(session.headers)).json<{ user: CurrentUser }>().user.id).toBe(session.user.id);
  });

  it('refuses a token revoked through the API at once', async () => {
    const session = await signUp(app);
    const token = await tokenOf(session);
    await cached(token.headers);
    const revoked = await app.inject(
      as(session, { method: 'DELETE', url: `/api/v1/auth/tokens/${token.id}` }),
    );
    expect(revoked.statusCode).toBe(204);
    expect((await me(token.headers)).statusCode).toBe(401);
  });

  it('refuses a token another writer revoked once the commit is announced', async () => {
    const session = await signUp(app);
    const token = await tokenOf(session);
    await cached(token.headers);
    await app.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', token.id)
      .execute();
    await vi.waitFor(async () => expect((await me(token.headers)).statusCode).toBe(401), WAIT);
  });

  it('follows a role change and a deactivation made by another writer', async () => {
    const session = await signUp(app);
    const token = await tokenOf(session);
    await cached(token.headers);
    expect((await adminList(token.headers)).statusCode).toBe(403);
    await promoteToAdmin(app, session.user.id);
    await vi.waitFor(async () => expect((await adminList(token.headers)).statusCode).toBe(200), WAIT);
    await vi.waitFor(async () => expect((await adminList(session.headers)).statusCode).toBe(200), WAIT);
    await app.db.updateTable('users').set({ is_active: false }).where('id', '=', session.user.id).execute();
    await vi.waitFor(async () => expect((await me(token.headers)).statusCode).toBe(401), WAIT);
    await vi.waitFor(async () => expect((await me(session.headers)).statusCode).toBe(401), WAIT);
  });

  it('applies an admin’s change through the API at once: a role taken away, an account switched off', async () => {
    const admin = await signUp(app);
    await promoteToAdmin(app, admin.user.id);
    const target = await signUp(app);
    await promoteToAdmin(app, target.user.id);
    const token = await tokenOf(target);
    await vi.waitFor(async () => expect((await adminList(token.headers)).statusCode).toBe(200), WAIT);
    await cached(token.headers);
    const patch = (body: Record<string, unknown>) =>
      app.inject(as(admin, { method: 'PATCH', url: `/api/v1/admin/users/${target.user.id}`, payload: body }));
    expect((await patch({ role: 'user' })).statusCode).toBe(200);
    expect((await adminList(token.headers)).statusCode).toBe(403);
    expect((await patch({ isActive: false })).statusCode).toBe(200);
    expect((await me(token.headers)).statusCode).toBe(401);
  });

  it('still marks a token used once a minute', async () => {
    const session = await signUp(app);
    const token = await tokenOf(session);
    await cached(token.headers);
    const lastUsed = async () =>
      (
        await app.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', token.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const before = await lastUsed();
    expect(before).not.toBeNull();
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      await vi.waitFor(async () => {
        expect((await me(token.headers)).statusCode).toBe(200);
        expect((await lastUsed())?.getTime()).toBeGreaterThan(before?.getTime() ?? 0);
      }, WAIT);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('without the version listener', () => {
  it('keeps nothing, so another writer’s revocation applies at once', async () => {
    const blind = await buildTestApp({ CALLER_CACHE_ENTRIES: '1000' });
    try {
      await blind.cacheVersions?.close();
      const session = await signUp(blind);
      const created = await blind.inject(
        as(session, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'blind' } }),
      );
      const token = created.json<CreatedToken>();
      const headers = { authorization: `Bearer ${token.token}` };
      const ask = () => blind.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
      expect((await ask()).statusCode).toBe(200);
      expect((await ask()).statusCode).toBe(200);
      expect(blind.callers.hits()).toBe(0);
      await blind.db
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', token.id)
        .execute();
      expect((await ask()).statusCode).toBe(401);
    } finally {
      await blind.close();
    }
  });
});
