// The notification inbox against the real stack: cursor pages newest first with unread and type filters,
// the unread count, read/unread/all-read/delete, per-type settings that creation honours, and another user
// can neither read, mark nor delete someone else's notifications.
import type { FastifyInstance } from 'fastify';
import type {
  Notification,
  NotificationPage,
  NotificationSettings,
  NotificationType,
  ReadAllResponse,
  UnreadCount,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotification } from '../src/modules/notifications/notifications.service';
import { signUp, type Session } from './auth-helpers';
import { apiCaller, expectStatus } from './engagement-helpers';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
let alice: Session;
let bob: Session;
const call = apiCaller(() => app);

beforeAll(async () => {
  app = await buildTestApp();
  [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
});
afterAll(() => app.close());

/** Rows straight into the table; `createdAt` lets a test place several in the same millisecond. */
async function notify(session: Session, type: NotificationType = 'system', createdAt?: Date) {
  const row = await app.db
    .insertInto('notifications')
    .values({
      user_id: session.user.id,
      type,
      title: `${type} note`,
      ...(createdAt ? { created_at: createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
const unread = async (session: Session) =>
  (await call<UnreadCount>(session, 'GET', '/notifications/unread-count')).body.unreadCount;

describe('GET /notifications', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/notifications')).status).toBe(401);
    expect((await call(null, 'GET', '/notifications/unread-count')).status).toBe(401);
  });

  it("refuses another user: a list never holds someone else's notifications", async () => {
    const id = await notify(alice);
    const theirs = await call<NotificationPage>(bob, 'GET', '/notifications?pageSize=100');
    expect(theirs.body.items.map((n) => n.id)).not.toContain(id);
  });

  it('walks every notification once, newest first, also within one millisecond', async () => {
    const user = await signUp(app);
    const same = new Date(Date.now() - 60_000);
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await notify(user, 'system', same));
    ids.push(await notify(user, 'job_completed'));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = expectStatus(
        await call<NotificationPage>(user, 'GET', `/notifications?pageSize=2${query}`),
        200,
      );
      seen.push(...page.items.map((n) => n.id));
      cursor = page.pagination.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[5], ...ids.slice(0, 5).reverse()]);
  });

  it('filters unread only and by type, and refuses unknown types and forged cursors', async () => {
    const user = await signUp(app);
    const failed = await notify(user, 'job_failed');
    const done = await notify(user, 'job_completed');
    await call(user, 'POST', `/notifications/${done}/read`);
    const ids = async (query: string) =>
      (await call<NotificationPage>(user, 'GET', `/notifications?${query}`)).body.items.map((n) => n.id);
    expect(await ids('unreadOnly=true')).toEqual([failed]);
    expect(await ids('types=job_completed')).toEqual([done]);
    expect(await ids('types=job_completed,job_failed')).toEqual([done, failed]);
    expect((await call(user, 'GET', '/notifications?types=spam')).status).toBe(400);
    expect((await call(user, 'GET', '/notifications?cursor=bm9wZQ')).status).toBe(400);
  });
});

describe('read, unread, read-all and delete', () => {
  it('requires authentication', async () => {
    const id = await notify(alice);
    expect((await call(null, 'POST', `/notifications/${id}/read`)).status).toBe(401);
    expect((await call(null, 'POST', `/notifications/${id}/unread`)).status).toBe(401);
    expect((await call(null, 'POST', '/notifications/read-all')).status).toBe(401);
    expect((await call(null, 'DELETE', `/notifications/${id}`)).status).toBe(401);
  });

  it("refuses another user: someone else's notification cannot be marked or deleted", async () => {
    const id = await notify(alice);
    expect((await call(bob, 'POST', `/notifications/${id}/read`)).status).toBe(404);
    expect((await call(bob, 'DELETE', `/notifications/${id}`)).status).toBe(404);
    await call(bob, 'POST', '/notifications/read-all');
    const row = await app.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ read_at: null });
  });

  it('marks one read and unread again, all read, and deletes one, keeping the unread count right', async () => {
    const user = await signUp(app);
    const [a, b, c] = [await notify(user), await notify(user), await notify(user)];
    expect(await unread(user)).toBe(3);
    const read = expectStatus(await call<Notification>(user, 'POST', `/notifications/${a}/read`), 200);
    expect(read.readAt).not.toBeNull();
    // Reading again keeps the first read time.
    expect((await call<Notification>(user, 'POST', `/notifications/${a}/read`)).body.readAt).toBe(
      read.readAt,
    );
    expect(await unread(user)).toBe(2);
    expect((await call<Notification>(user, 'POST', `/notifications/${a}/unread`)).body.readAt).toBeNull();
    expect((await call(user, 'DELETE', `/notifications/${b}`)).status).toBe(204);
    expect((await call(user, 'DELETE', `/notifications/${b}`)).status).toBe(404);
    expect(await unread(user)).toBe(2);
    const all = expectStatus(await call<ReadAllResponse>(user, 'POST', '/notifications/read-all'), 200);
    expect(all).toEqual({ updated: 2, unreadCount: 0 });
    expect(await unread(user)).toBe(0);
    expect(c).toBeGreaterThan(0);
  });
});

describe('notification settings', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/users/me/notification-settings')).status).toBe(401);
    expect((await call(null, 'PUT', '/users/me/notification-settings', { system: false })).status).toBe(401);
  });

  it("refuses another user: a change applies to the caller's own settings only", async () => {
    const [user, other] = [await signUp(app), await signUp(app)];
    await call(user, 'PUT', '/users/me/notification-settings', { system: false });
    const theirs = await call<NotificationSettings>(other, 'GET', '/users/me/notification-settings');
    expect(theirs.body.system).toBe(true);
    const smuggled = await call(user, 'PUT', '/users/me/notification-settings', { userId: other.user.id });
    expect(smuggled.status).toBe(400);
  });

  it('has every type on by default, switches one, keeps the rest and other preferences', async () => {
    const user = await signUp(app);
    const initial = expectStatus(
      await call<NotificationSettings>(user, 'GET', '/users/me/notification-settings'),
      200,
    );
    expect(Object.values(initial).every(Boolean)).toBe(true);
    await call(user, 'PATCH', '/users/me', { preferences: { theme: 'dark' } });
    await call(user, 'PUT', '/users/me/notification-settings', { job_completed: false });
    const after = await call<NotificationSettings>(user, 'PUT', '/users/me/notification-settings', {
      system: false,
    });
    expect(after.body).toEqual({ ...initial, job_completed: false, system: false });
    const me = await call<{ user: { preferences: Record<string, unknown> } }>(user, 'GET', '/auth/me');
    expect(me.body.user.preferences).toMatchObject({
      theme: 'dark',
      notifications: { job_completed: false },
    });
    expect((await call(user, 'PUT', '/users/me/notification-settings', {})).status).toBe(400);
  });

  it('is honoured when notifications are created', async () => {
    const user = await signUp(app);
    await call(user, 'PUT', '/users/me/notification-settings', { recommendation: false });
    const deps = { db: app.db, redis: app.redis, prefix: app.config.redisKeyPrefix };
    const off = await createNotification(deps, user.user.id, {
      type: 'recommendation',
      title: 'Try this',
      message: '',
    });
    const on = await createNotification(deps, user.user.id, { type: 'system', title: 'Hello', message: '' });
    expect(off).toBeNull();
    const listed = await call<NotificationPage>(user, 'GET', '/notifications');
    expect(listed.body.items.map((n) => n.id)).toEqual([on?.id]);
  });
});
