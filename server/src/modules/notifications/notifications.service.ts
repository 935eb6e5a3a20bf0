// Notifications: created for job outcomes, recommendations and system messages (SPEC §9.3), stored for
// the notification list, and pushed live to the user's WebSockets. Used by the API and by the worker.
import type { Redis } from 'ioredis';
import type { Notification, NotificationType } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { publishNotification } from '../../realtime/event-bus';
import { toNotification } from './notifications.mapper';
import { countUnread, insertNotification, notificationSettings } from './notifications.repository';

export interface NotificationDeps {
  db: Database;
  redis: Redis;
  /** The Redis key prefix (config.redisKeyPrefix) the realtime channels live under. */
  prefix: string;
  /** Told when the live push fails; the stored notification stands either way. */
  log?: { warn: (context: object, message: string) => void };
}

export interface NotificationInput {
  type: NotificationType;
  title: string;
  message: string;
  relatedJobId?: number | null;
  relatedContentId?: number | null;
}

// The table's CHECK limits; titles often come from prompts, which may be far longer.
const TITLE_MAX = 200;
const MESSAGE_MAX = 2_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Every type is on unless the user switched it off (`preferences.notifications.<type> === false`). */
export function isNotificationTypeEnabled(
  settings: Record<string, unknown>,
  type: NotificationType,
): boolean {
  return settings[type] !== false;
}

/**
 * Stores a notification and pushes it, with the new unread count, to the user's sockets. Returns null
 * (storing and pushing nothing) when the user turned this type off or no longer exists.
 */
export async function createNotification(
  deps: NotificationDeps,
  userId: string,
  input: NotificationInput,
): Promise<Notification | null> {
  const settings = await notificationSettings(deps.db, userId);
  if (!settings || !isNotificationTypeEnabled(settings, input.type)) return null;
  const row = await insertNotification(deps.db, {
    userId,
    type: input.type,
    title: clip(input.title.trim() || input.type, TITLE_MAX),
    message: clip(input.message, MESSAGE_MAX),
    relatedJobId: input.relatedJobId ?? null,
    relatedContentId: input.relatedContentId ?? null,
  });
  const notification = toNotification(row);
  try {
    // A lost push costs only liveness: sockets get the unread count again when they (re)connect.
    const count = await countUnread(deps.db, userId);
    await publishNotification(deps.redis, deps.prefix, userId, notification, count);
  } catch (error) {
    deps.log?.warn({ err: error, userId, notificationId: notification.id }, 'notification push failed');
  }
  return notification;
}

export function unreadCount(db: Database, userId: string): Promise<number> {
  return countUnread(db, userId);
}
