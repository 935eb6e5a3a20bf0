// One client socket on /api/v1/ws: answers subscribe/unsubscribe/ping, forwards the user's events for
// the jobs it subscribed to (notifications and unread counts always), and takes part in the heartbeat.
import type { FastifyBaseLogger } from 'fastify';
import WebSocket from 'ws';
import type { JobEvent, ServerMessage } from '@genonaut/contracts';
import type { Database } from '../db/database';
import { unreadCount } from '../modules/notifications/notifications.service';
import { parseClientMessage } from './client-messages';
import type { EventHub, EventListener } from './event-hub';
import { ownJobSnapshots } from './job-snapshots.repository';

/** Jobs one socket may follow at once; a gallery page of running jobs is far below this. */
export const MAX_SUBSCRIPTIONS = 1_000;
/** A client that lets this much pile up unread is not keeping up; dropping it lets it reconnect fresh. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Close code for "your session or token is no longer valid" (4000–4999 are the application's). */
export const CLOSE_UNAUTHENTICATED = 4401;

export interface RealtimeConnectionDeps {
  db: Database;
  hub: EventHub;
  log: FastifyBaseLogger;
  /** Whether the socket's session or token is still valid; null when that cannot be told right now. */
  stillAuthenticated: () => Promise<boolean | null>;
}

export class RealtimeConnection {
  private readonly subscribed = new Set<number>();
  /** Events for jobs whose snapshot is being read, held back so they never arrive before it. */
  private readonly pending = new Map<number, JobEvent[]>();
  /** Messages are handled one at a time, in order, after the connection is ready. */
  private queue: Promise<void> = Promise.resolve();
  private alive = true;
  private readonly listener: EventListener = (message, raw) => this.onEvent(message, raw);

  constructor(
    private readonly socket: WebSocket,
    readonly userId: string,
    private readonly deps: RealtimeConnectionDeps,
  ) {}

  open(): void {
    this.socket.on('message', (data, isBinary) => this.enqueue(() => this.handle(data, isBinary)));
    this.socket.on('pong', () => {
      this.alive = true;
    });
    this.socket.on('close', () => this.deps.hub.remove(this.userId, this.listener));
    // Added at once (not in the queue) so a socket closing right away is removed again, never leaked.
    const subscribed = this.deps.hub.add(this.userId, this.listener);
    this.enqueue(async () => {
      await subscribed;
      this.send({ type: 'unreadCount', count: await unreadCount(this.deps.db, this.userId) });
    });
  }

  /** One heartbeat: a socket that did not answer the previous ping is dropped, the others are pinged. */
  beat(): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  /** Closes the socket when its session ended or its token was revoked since it connected. */
  async revalidate(): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    try {
      if ((await this.deps.stillAuthenticated()) === false) {
        this.socket.close(CLOSE_UNAUTHENTICATED, 'Signed out or token revoked');
      }
    } catch (error) {
      // An outage is not a sign-out: keep the socket and ask again next time.
      this.deps.log.debug({ err: error }, 'could not revalidate a realtime socket');
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.deps.log.warn({ err: error }, 'realtime message failed');
      this.send({ type: 'error', message: 'Something went wrong on our side' });
    });
  }

  private async handle(data: WebSocket.RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      this.send({ type: 'error', message: 'Send JSON text messages' });
      return;
    }
    const parsed = parseClientMessage(rawText(data));
    if (!parsed.ok) {
      this.send({ type: 'error', message: parsed.error });
      return;
    }
    const { message } = parsed;
    switch (message.type) {
      case 'ping':
        this.send({ type: 'pong' });
        return;
      case 'unsubscribe':
        for (const jobId of message.jobIds) this.subscribed.delete(jobId);
        return;
      case 'subscribe':
        await this.subscribe(message.jobIds);
        return;
    }
  }

  private async subscribe(jobIds: number[]): Promise<void> {
    const added = jobIds.filter((id) => !this.subscribed.has(id)).length;
    if (this.subscribed.size + added > MAX_SUBSCRIPTIONS) {
      this.send({ type: 'error', message: `At most ${MAX_SUBSCRIPTIONS} jobs can be followed at once` });
      return;
    }
    for (const jobId of jobIds) this.pending.set(jobId, []);
    try {
      const snapshots = await ownJobSnapshots(this.deps.db, this.userId, jobIds);
      for (const snapshot of snapshots) {
        this.send(snapshot);
        for (const event of this.pending.get(snapshot.jobId) ?? []) this.send(event);
        this.subscribed.add(snapshot.jobId);
      }
      // Other users' jobs and unknown ids get the same answer, so ids cannot be probed.
      const found = new Set(snapshots.map((s) => s.jobId));
      const unknown = jobIds.filter((id) => !found.has(id));
      if (unknown.length > 0) this.send({ type: 'error', message: `No such job: ${unknown.join(', ')}` });
    } finally {
      for (const jobId of jobIds) this.pending.delete(jobId);
    }
  }

  private onEvent(message: ServerMessage, raw: string): void {
    if (message.type === 'job') {
      const held = this.pending.get(message.jobId);
      if (held) {
        held.push(message);
        return;
      }
      if (!this.subscribed.has(message.jobId)) return;
    }
    this.sendRaw(raw);
  }

  private send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  private sendRaw(raw: string): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.deps.log.warn({ userId: this.userId }, 'dropping a realtime socket that does not keep up');
      this.socket.terminate();
      return;
    }
    this.socket.send(raw);
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}
