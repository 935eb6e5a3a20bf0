// /api/v1/ws over a real listening server with a real WebSocket client: who may connect, how long a
// socket lives, and what the server answers to each client message. Event delivery is in
// realtime-events.int.test.ts.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { CreatedToken } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishJobEvent } from '../src/realtime/event-bus';
import { as, ORIGIN, signUp, type Session } from './auth-helpers';
import { createContent, createJob } from './factories';
import {
  startRealtimeStack,
  stopRealtimeStack,
  type RealtimeStack,
  connect,
  follow,
  isJob,
  openAs,
  refusal,
  runningEvent,
  wsUrl,
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

async function apiToken(session: Session): Promise<string> {
  const response = await app.inject(
    as(session, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'realtime' } }),
  );
  return response.json<CreatedToken>().token;
}

describe('connecting', () => {
  it('requires authentication', async () => {
    expect(await refusal(wsUrl(app))).toBe(401);
    expect(await refusal(wsUrl(app, '?token=gnt_not-a-real-token'))).toBe(401);
    expect(await refusal(wsUrl(app), { headers: { authorization: 'Bearer gnt_nope' } })).toBe(401);
    expect(
      await refusal(wsUrl(app), { headers: { cookie: 'genonaut_session=forged' }, origin: ORIGIN }),
    ).toBe(401);
    // A plain GET without the upgrade is refused as well, and not upgraded for a signed-in caller.
    expect((await app.inject({ method: 'GET', url: '/api/v1/ws' })).statusCode).toBe(401);
    expect((await app.inject(as(alice, { method: 'GET', url: '/api/v1/ws' }))).statusCode).toBe(400);
  });

  it('accepts the session cookie from the app’s own pages and starts with the unread count', async () => {
    const socket = await open(alice);
    expect(socket.received[0]).toEqual({ type: 'unreadCount', count: 0 });
  });

  it('accepts an API token in ?token=, with no cookie or Origin', async () => {
    const token = await apiToken(alice);
    const socket = await connect(wsUrl(app, `?token=${encodeURIComponent(token)}`));
    expect(socket.received[0]).toEqual({ type: 'unreadCount', count: 0 });
  });

  it('refuses a cookie-authenticated upgrade from a foreign or missing Origin', async () => {
    const headers = { cookie: alice.cookie };
    expect(await refusal(wsUrl(app), { headers, origin: 'https://evil.example' })).toBe(403);
    expect(await refusal(wsUrl(app), { headers })).toBe(403);
  });

  it('closes the socket (4401) once the session is gone', async () => {
    const session = await signUp(app);
    const socket = await open(session);
    await app.inject(as(session, { method: 'POST', url: '/api/v1/auth/logout' }));
    await Promise.all([...app.realtime.connections].map((c) => c.revalidate()));
    expect((await socket.closed).code).toBe(4401);
  });

  it('drops a socket that stops answering pings', async () => {
    const session = await signUp(app);
    const socket = await openAs(app, session, { autoPong: false });
    const mine = [...app.realtime.connections].filter((c) => c.userId === session.user.id);
    for (const connection of mine) connection.beat();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const connection of mine) connection.beat();
    expect((await socket.closed).code).toBe(1006);
  });
});

describe('messages', () => {
  it('answers ping with pong', async () => {
    const socket = await open(alice);
    socket.send({ type: 'ping' });
    expect(await socket.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('answers a malformed message with an error and stays open', async () => {
    const socket = await open(alice);
    socket.send('{not json');
    socket.send({ type: 'subscribe', jobIds: ['1; DROP TABLE'] });
    socket.send({ type: 'dance' });
    socket.send({ type: 'ping' });
    await socket.waitFor((m) => m.type === 'pong');
    expect(socket.received.filter((m) => m.type === 'error')).toHaveLength(3);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });

  it('answers a subscription with the state of an own job, contents and error included', async () => {
    const job = await createJob(app.db, alice.user.id, {
      status: 'completed',
      progress: 1,
      completed_at: new Date(),
    });
    const [first, second] = await Promise.all([
      createContent(app.db, alice.user.id, { generation_job_id: job.id, output_index: 0 }),
      createContent(app.db, alice.user.id, { generation_job_id: job.id, output_index: 1 }),
    ]);
    const failed = await createJob(app.db, alice.user.id, {
      status: 'failed',
      completed_at: new Date(),
      error_code: 'comfyui_validation',
      error_message: 'Unknown checkpoint',
    });
    const socket = await open(alice);
    expect(await follow(socket, job.id)).toEqual({
      type: 'job',
      jobId: job.id,
      status: 'completed',
      progress: 1,
      contentIds: [first.id, second.id],
    });
    expect(await follow(socket, failed.id)).toEqual({
      type: 'job',
      jobId: failed.id,
      status: 'failed',
      progress: 0,
      error: { code: 'comfyui_validation', message: 'Unknown checkpoint' },
    });
  });

  it('refuses another user: their job’s state is never sent', async () => {
    const bobsJob = await createJob(app.db, bob.user.id, {
      status: 'running',
      progress: 0.5,
      started_at: new Date(),
    });
    const socket = await open(alice);
    socket.send({ type: 'subscribe', jobIds: [bobsJob.id] });
    const error = await socket.waitFor((m) => m.type === 'error');
    expect(error).toEqual({ type: 'error', message: `No such job: ${bobsJob.id}` });
    // Subscribing did not route bob's events here either.
    const own = await createJob(app.db, alice.user.id);
    await follow(socket, own.id);
    await publishJobEvent(publisher, app.config.redisKeyPrefix, bob.user.id, runningEvent(bobsJob.id, 0.7));
    await publishJobEvent(publisher, app.config.redisKeyPrefix, alice.user.id, runningEvent(own.id, 0.1));
    await socket.waitFor((m) => m.type === 'job' && m.jobId === own.id && m.progress === 0.1);
    expect(socket.received.filter(isJob(bobsJob.id))).toEqual([]);
  });
});
