// One Redis subscriber connection per API process, shared by all its sockets: a user's channel is
// subscribed while at least one of their sockets is connected here, and each message is parsed once and
// handed to that user's local listeners.
import type { Redis } from 'ioredis';
import type { ServerMessage } from '@genonaut/contracts';
import { connectRedis } from '../lib/redis';
import { userChannel, userOfChannel } from './event-bus';

export type EventListener = (message: ServerMessage, raw: string) => void;

interface UserEntry {
  listeners: Set<EventListener>;
  /** Settles when the user's channel is subscribed (or the attempt failed; see the 'ready' handler). */
  subscribed: Promise<void>;
}

export class EventHub {
  private readonly users = new Map<string, UserEntry>();

  constructor(
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly warn: (error: unknown, message: string) => void,
  ) {
    subscriber.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
    // The subscriber fails fast while Redis is away; when it is back, every channel still wanted is
    // subscribed again (SUBSCRIBE is idempotent, so overlap with ioredis's own resubscribe is harmless).
    subscriber.on('ready', () => {
      const channels = [...this.users.keys()].map((userId) => userChannel(this.prefix, userId));
      if (channels.length > 0)
        this.subscriber.subscribe(...channels).catch((e: unknown) => this.warn(e, 'resubscribe failed'));
    });
  }

  /** Connects the subscriber; a Redis that is down now is retried in the background. */
  async start(): Promise<void> {
    if (!(await connectRedis(this.subscriber)))
      this.warn(null, 'Redis is not reachable for realtime events; retrying');
  }

  /** Listens to a user's events; resolves once their channel is subscribed, so nothing published after is missed. */
  add(userId: string, listener: EventListener): Promise<void> {
    const existing = this.users.get(userId);
    if (existing) {
      existing.listeners.add(listener);
      return existing.subscribed;
    }
    const subscribed = this.subscriber.subscribe(userChannel(this.prefix, userId)).then(
      () => undefined,
      (error: unknown) => this.warn(error, 'subscribe failed'),
    );
    this.users.set(userId, { listeners: new Set([listener]), subscribed });
    return subscribed;
  }

  remove(userId: string, listener: EventListener): void {
    const entry = this.users.get(userId);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.users.delete(userId);
    // Commands on one connection run in order, so a later add() for this user subscribes after this.
    this.subscriber.unsubscribe(userChannel(this.prefix, userId)).catch(() => {});
  }

  close(): void {
    this.users.clear();
    this.subscriber.disconnect();
  }

  private dispatch(channel: string, raw: string): void {
    const userId = userOfChannel(this.prefix, channel);
    const entry = userId === null ? undefined : this.users.get(userId);
    if (!entry) return;
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch (error) {
      this.warn(error, 'unreadable realtime event');
      return;
    }
    for (const listener of entry.listeners) {
      try {
        listener(message, raw);
      } catch (error) {
        this.warn(error, 'realtime listener failed');
      }
    }
  }
}
