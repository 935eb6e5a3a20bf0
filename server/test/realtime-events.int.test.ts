// Realtime delivery over a real listening server: job events and notifications reach their owner's
// sockets only, only for subscribed jobs, and from whichever API instance published them.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotification } from '../src/modules/notifications/notifications.service';
import { publishJobEvent } from '../src/realtime/event-bus';
import { as, signUp, type Session } from './auth-helpers';
import { createJob } from './factories';
import { buildTestApp } from './test-context';
import {
  startRealtimeStack,
  stopRealtimeStack,
  type RealtimeStack,
  follow,
  isJob,
  isNotification,
  openAs,
  runningEvent,
  type TestSocket,
} from './ws-client';

let app: FastifyInstance;
let publisher: Redis;
let alice: Session;
let bob: Session;

let stack: RealtimeStack;

beforeAll(async () => {
  stack = await startRealtimeStack();
  ({ app, publisher, alice, bob } = stack);
});
afterAll(() => stopRealtimeStack(stack));

const open = (session: Session): Promise<TestSocket> => openAs(app, session);
const notificationDeps = () => ({ db: app.db, redis: app.redis, prefix: app.config.redisKeyPrefix });

describe('job events', () => {
  it('reach the owner’s subscribed socket and not another user’s', async () => {
    const job = await createJob(app.db, alice.user.id);
    const bobsJob = await createJob(app.db, bob.user.id);
    const [mine, theirs] = await Promise.all([open(alice), open(bob)]);
    await follow(mine, job.id);
    await follow(theirs, bobsJob.id);
    theirs.send({ type: 'subscribe', jobIds: [job.id] });
    await theirs.waitFor((m) => m.type === 'error');

    await publishJobEvent(publisher, app.config.redisKeyPrefix, alice.user.id, runningEvent(job.id, 0.25));
    await publishJobEvent(publisher, app.config.redisKeyPrefix, bob.user.id, runningEvent(bobsJob.id, 0.5));
    expect(await mine.waitFor((m) => m.type === 'job' && m.progress === 0.25)).toEqual(
      runningEvent(job.id, 0.25),
    );
    // Published after alice's event on the same connection, so bob's socket has seen all it would get.
    await theirs.waitFor((m) => m.type === 'job' && m.progress === 0.5);
    expect(theirs.received.filter(isJob(job.id))).toEqual([]);
  });

  it('are not sent for jobs the socket did not subscribe to, or unsubscribed from', async () => {
    const [followed, other] = await Promise.all([
      createJob(app.db, alice.user.id),
      createJob(app.db, alice.user.id),
    ]);
    const socket = await open(alice);
    await follow(socket, followed.id);
    const prefix = app.config.redisKeyPrefix;
    await publishJobEvent(publisher, prefix, alice.user.id, runningEvent(other.id, 0.3));
    await publishJobEvent(publisher, prefix, alice.user.id, runningEvent(followed.id, 0.3));
    await socket.waitFor((m) => m.type === 'job' && m.jobId === followed.id && m.progress === 0.3);
    expect(socket.received.filter(isJob(other.id))).toEqual([]);

    socket.send({ type: 'unsubscribe', jobIds: [followed.id] });
    await follow(socket, other.id);
    await publishJobEvent(publisher, prefix, alice.user.id, runningEvent(followed.id, 0.9));
    await publishJobEvent(publisher, prefix, alice.user.id, runningEvent(other.id, 0.9));
    await socket.waitFor((m) => m.type === 'job' && m.jobId === other.id && m.progress === 0.9);
    expect(socket.received.filter((m) => m.type === 'job' && m.progress === 0.9)).toEqual([
      runningEvent(other.id, 0.9),
    ]);
  });
});

describe('notifications', () => {
  it('are stored and pushed live, with the unread count, to the owner only', async () => {
    const owner = await signUp(app);
    const [mine, theirs] = await Promise.all([open(owner), open(bob)]);
    const job = await createJob(app.db, owner.user.id);
    const created = await createNotification(notificationDeps(), owner.user.id, {
      type: 'job_completed',
      title: 'Your image is ready',
      message: '1 image from "a red fox in snow"',
      relatedJobId: job.id,
    });
    expect(created).toMatchObject({ type: 'job_completed', relatedJobId: job.id, readAt: null });
    const pushed = await mine.waitFor(isNotification);
    expect(pushed.notification).toEqual(created);
    expect(await mine.waitFor((m) => m.type === 'unreadCount' && m.count === 1)).toBeDefined();

    const bobsJob = await createJob(app.db, bob.user.id);
    await follow(theirs, bobsJob.id);
    await publishJobEvent(publisher, app.config.redisKeyPrefix, bob.user.id, runningEvent(bobsJob.id, 0.4));
    await theirs.waitFor((m) => m.type === 'job' && m.progress === 0.4);
    expect(theirs.received.filter((m) => m.type === 'notification')).toEqual([]);
    expect(theirs.received.filter((m) => m.type === 'unreadCount')).toEqual([
      { type: 'unreadCount', count: 0 },
    ]);
  });

  it('are neither stored nor pushed for a type the user switched off', async () => {
    const owner = await signUp(app);
    await app.inject(
      as(owner, {
        method: 'PATCH',
        url: '/api/v1/users/me',
        payload: { preferences: { notifications: { job_failed: false } } },
      }),
    );
    const socket = await open(owner);
    const deps = notificationDeps();
    const off = await createNotification(deps, owner.user.id, {
      type: 'job_failed',
      title: 'Failed',
      message: '',
    });
    expect(off).toBeNull();
    const on = await createNotification(deps, owner.user.id, { type: 'system', title: 'Hello', message: '' });
    const pushed = await socket.waitFor(isNotification);
    expect(pushed.notification.id).toBe(on?.id);
    expect(socket.received.filter(isNotification)).toHaveLength(1);
    const stored = await app.db
      .selectFrom('notifications')
      .select('type')
      .where('user_id', '=', owner.user.id)
      .execute();
    expect(stored).toEqual([{ type: 'system' }]);
  });

  it('start each connection with the current unread count', async () => {
    const owner = await signUp(app);
    await createNotification(notificationDeps(), owner.user.id, {
      type: 'system',
      title: 'One',
      message: '',
    });
    await createNotification(notificationDeps(), owner.user.id, {
      type: 'system',
      title: 'Two',
      message: '',
    });
    const socket = await open(owner);
    expect(socket.received[0]).toEqual({ type: 'unreadCount', count: 2 });
  });
});

describe('several API instances', () => {
  it('deliver an event published once to a user connected to another instance', async () => {
    const prefix = `${app.config.redisKeyPrefix}-shared`;
    const [first, second] = await Promise.all([
      buildTestApp({ REDIS_KEY_PREFIX: prefix }),
      buildTestApp({ REDIS_KEY_PREFIX: prefix }),
    ]);
    try {
      await Promise.all([
        first.listen({ port: 0, host: '127.0.0.1' }),
        second.listen({ port: 0, host: '127.0.0.1' }),
      ]);
      // Signed up through the first instance; sessions live in the shared Redis.
      const carol = await signUp(first);
      const job = await createJob(first.db, carol.user.id);
      const socket = await openAs(second, carol);
      await follow(socket, job.id);
      await publishJobEvent(first.redis, prefix, carol.user.id, runningEvent(job.id, 0.6));
      await createNotification({ db: first.db, redis: first.redis, prefix }, carol.user.id, {
        type: 'system',
        title: 'From the other instance',
        message: '',
      });
      await socket.waitFor((m) => m.type === 'job' && m.progress === 0.6);
      await socket.waitFor(isNotification);
      expect(socket.received.filter((m) => m.type === 'job' && m.progress === 0.6)).toHaveLength(1);

      // Closing an instance tells its clients it is going away, so they reconnect elsewhere.
      await second.close();
      expect((await socket.closed).code).toBe(1001);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
