// A WebSocket client for integration tests against a listening app: collects what the server sends and
// waits for the message a test expects; `refusal` reports the HTTP status of a refused upgrade.
import WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import type { FastifyInstance } from 'fastify';
import type { JobEvent, Notification, ServerMessage } from '@genonaut/contracts';
import type { Redis } from 'ioredis';
import { createRedis } from '../src/lib/redis';
import { ORIGIN, signUp, type Session } from './auth-helpers';
import { buildTestApp } from './test-context';

const WAIT_MS = 5_000;

/** The ws:// URL of the realtime endpoint of an app that listens on a port. */
export function wsUrl(app: FastifyInstance, query = ''): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return `ws://127.0.0.1:${address.port}/api/v1/ws${query}`;
}

export class TestSocket {
  readonly received: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.received.push(JSON.parse(data.toString('utf8')) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message received so far (or soon) that matches; fails after a few seconds. */
  async waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T): Promise<T>;
  async waitFor(match: (m: ServerMessage) => boolean): Promise<ServerMessage>;
  async waitFor(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

const opened: TestSocket[] = [];

/** Closes every socket this test file opened (for afterAll, before the app closes). */
export async function closeOpenSockets(): Promise<void> {
  await Promise.all(opened.splice(0).map((socket) => socket.close()));
}

/** Opens a socket and waits for the unread count every connection starts with. */
export async function connect(url: string, options: ClientOptions = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, options);
  const socket = new TestSocket(ws);
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.on('error', reject);
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused with ${response.statusCode}`)),
    );
  });
  await socket.waitFor((m) => m.type === 'unreadCount');
  return socket;
}

/** A socket of a signed-in browser tab: the session cookie and the app's own Origin. */
export function openAs(
  app: FastifyInstance,
  session: Session,
  options: ClientOptions = {},
): Promise<TestSocket> {
  return connect(wsUrl(app), { headers: { cookie: session.cookie }, origin: ORIGIN, ...options });
}

export const isJob =
  (jobId: number) =>
  (m: ServerMessage): m is JobEvent =>
    m.type === 'job' && m.jobId === jobId;

export const isNotification = (m: ServerMessage): m is { type: 'notification'; notification: Notification } =>
  m.type === 'notification';

export const runningEvent = (jobId: number, progress: number): JobEvent => ({
  type: 'job',
  jobId,
  status: 'running',
  progress,
});

/** Subscribes and waits for the snapshot, so later events are sure to be routed to this socket. */
export async function follow(socket: TestSocket, jobId: number): Promise<JobEvent> {
  socket.send({ type: 'subscribe', jobIds: [jobId] });
  return socket.waitFor(isJob(jobId));
}

/**
 * The HTTP status an upgrade is refused with (or 101 if it was accepted, closing it again). Resolves only
 * once the server has also closed the connection: a refused upgrade must not leave a socket behind.
 */
export function refusal(url: string, options: ClientOptions = {}): Promise<number> {
  const ws = new WebSocket(url, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (request, response) => {
      const timer = setTimeout(() => {
        request.destroy();
        reject(new Error(`the server left the refused (${response.statusCode}) connection open`));
      }, WAIT_MS);
      response.resume();
      response.socket.once('close', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
    });
    ws.on('error', reject);
  });
}

export interface RealtimeStack {
  app: FastifyInstance;
  /** A second Redis connection to publish from, as another process (the worker) would. */
  publisher: Redis;
  alice: Session;
  bob: Session;
}

/** A listening app, a publisher connection and two signed-up users, for the realtime test files. */
export async function startRealtimeStack(): Promise<RealtimeStack> {
  const app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const publisher = createRedis(app.config.redisUrl, { name: 'genonaut-test-publisher' });
  await publisher.connect();
  const [alice, bob] = await Promise.all([signUp(app), signUp(app)]);
  return { app, publisher, alice, bob };
}

export async function stopRealtimeStack(stack: RealtimeStack): Promise<void> {
  await closeOpenSockets();
  stack.publisher.disconnect();
  await stack.app.close();
}
