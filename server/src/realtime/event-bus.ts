// Realtime events travel through Redis pub/sub on one channel per user, so whichever API instance holds a
// user's WebSocket delivers them, and the worker (which has no Fastify app) can publish with a plain
// Redis connection. Messages are ServerMessage JSON, forwarded to sockets as they are.
import type { Redis } from 'ioredis';
import type { JobEvent, Notification, ServerMessage } from '@genonaut/contracts';

const USER_CHANNEL = ':events:user:';

export function userChannel(prefix: string, userId: string): string {
  return `${prefix}${USER_CHANNEL}${userId}`;
}

/** The user id a channel belongs to, or null for a channel of another prefix or kind. */
export function userOfChannel(prefix: string, channel: string): string | null {
  const head = `${prefix}${USER_CHANNEL}`;
  return channel.startsWith(head) && channel.length > head.length ? channel.slice(head.length) : null;
}

export async function publishJobEvent(
  redis: Redis,
  prefix: string,
  userId: string,
  event: JobEvent,
): Promise<void> {
  await redis.publish(userChannel(prefix, userId), JSON.stringify(event satisfies ServerMessage));
}

/** The notification, then the new unread count; one pipeline keeps them in that order for every reader. */
export async function publishNotification(
  redis: Redis,
  prefix: string,
  userId: string,
  notification: Notification,
  unreadCount: number,
): Promise<void> {
  const channel = userChannel(prefix, userId);
  const messages: ServerMessage[] = [
    { type: 'notification', notification },
    { type: 'unreadCount', count: unreadCount },
  ];
  const pipeline = redis.pipeline();
  for (const message of messages) pipeline.publish(channel, JSON.stringify(message));
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

/** Publishes an unread count alone (after marking notifications read, deleting one, ...). */
export async function publishUnreadCount(
  redis: Redis,
  prefix: string,
  userId: string,
  count: number,
): Promise<void> {
  const message: ServerMessage = { type: 'unreadCount', count };
  await redis.publish(userChannel(prefix, userId), JSON.stringify(message));
}
