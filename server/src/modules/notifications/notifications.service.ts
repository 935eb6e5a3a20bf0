// Notifications: created for job outcomes, recommendations and system messages (SPEC §9.3), stored for
// the notification list, and pushed live to the user's WebSockets. Used by the API and by the worker.
import type { Redis } from 'ioredis';
import type {
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationSettings,
  NotificationType,
  ReadAllResponse,
  UnreadCount,
  UpdateNotificationSettingsBody,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { publishNotification, publishUnreadCount } from '../../realtime/event-bus';
import { toNotification } from './notifications.mapper';
import {
  countUnread,
  deleteNotification as deleteNotificationRow,
  insertNotification,
  listNotifications as listNotificationRows,
  markAllRead as markAllReadRows,
  mergeNotificationSettings,
  notificationSettings,
  setRead,
  type NotificationKey,
} from './notifications.repository';

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

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'job_completed',
  'job_failed',
  'job_cancelled',
  'recommendation',
  'system',
];

const keyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const encodeKey = (key: NotificationKey) =>
  Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');

/** A forged or foreign cursor is a 400, never a SQL error. */
function decodeKey(cursor: string): NotificationKey {
  const bad = () => invalid('query.cursor', 'is not a cursor of this listing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !keyPattern.test(at) || !Number.isSafeInteger(id) || (id as number) < 1)
    throw bad();
  return { at, id: id as number };
}

function parseTypes(raw: string | undefined): NotificationType[] | undefined {
  if (raw === undefined) return undefined;
  const parts = [
    ...new Set(
      raw
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = parts.filter((t) => !NOTIFICATION_TYPES.includes(t as NotificationType));
  if (unknown.length > 0)
    throw invalid('query.types', `unknown type ${unknown.join(', ')} (use ${NOTIFICATION_TYPES.join(', ')})`);
  return parts as NotificationType[];
}

export async function listNotifications(
  db: Database,
  caller: AuthUser,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const pageSize = query.pageSize ?? 25;
  const rows = await listNotificationRows(db, caller.id, {
    unreadOnly: query.unreadOnly ?? false,
    types: parseTypes(query.types),
    after: query.cursor === undefined ? undefined : decodeKey(query.cursor),
    limit: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const hasNext = rows.length > pageSize;
  return {
    items: page.map(toNotification),
    pagination: {
      pageSize,
      hasNext,
      hasPrevious: query.cursor !== undefined,
      nextCursor: hasNext && last ? encodeKey({ at: last.key_at, id: last.id }) : null,
      prevCursor: null,
    },
  };
}

/** Tells the user's other tabs; a lost push costs only liveness (sockets re-read it on connect). */
async function pushUnreadCount(deps: NotificationDeps, userId: string): Promise<number> {
  const count = await countUnread(deps.db, userId);
  try {
    await publishUnreadCount(deps.redis, deps.prefix, userId, count);
  } catch (error) {
    deps.log?.warn({ err: error, userId }, 'unread count push failed');
  }
  return count;
}

export async function getUnreadCount(db: Database, caller: AuthUser): Promise<UnreadCount> {
  return { unreadCount: await countUnread(db, caller.id) };
}

/** Another user's notification does not exist for the caller. */
export async function markRead(
  deps: NotificationDeps,
  caller: AuthUser,
  id: number,
  read: boolean,
): Promise<Notification> {
  const row = await setRead(deps.db, caller.id, id, read);
  if (!row) throw notFound('Notification');
  await pushUnreadCount(deps, caller.id);
  return toNotification(row);
}

export async function markAllRead(deps: NotificationDeps, caller: AuthUser): Promise<ReadAllResponse> {
  const updated = await markAllReadRows(deps.db, caller.id);
  return { updated, unreadCount: await pushUnreadCount(deps, caller.id) };
}

export async function deleteNotification(
  deps: NotificationDeps,
  caller: AuthUser,
  id: number,
): Promise<void> {
  if (!(await deleteNotificationRow(deps.db, caller.id, id))) throw notFound('Notification');
  await pushUnreadCount(deps, caller.id);
}

function toSettings(stored: Record<string, unknown>): NotificationSettings {
  const on = (type: NotificationType) => isNotificationTypeEnabled(stored, type);
  return {
    job_completed: on('job_completed'),
    job_failed: on('job_failed'),
    job_cancelled: on('job_cancelled'),
    recommendation: on('recommendation'),
    system: on('system'),
  };
}

export async function getNotificationSettings(db: Database, caller: AuthUser): Promise<NotificationSettings> {
  const stored = await notificationSettings(db, caller.id);
  if (!stored) throw notFound('User');
  return toSettings(stored);
}

export async function updateNotificationSettings(
  db: Database,
  caller: AuthUser,
  body: UpdateNotificationSettingsBody,
): Promise<NotificationSettings> {
  const stored = await mergeNotificationSettings(db, caller.id, body);
  if (!stored) throw notFound('User');
  return toSettings(stored);
}
