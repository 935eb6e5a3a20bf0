// The only place that builds SQL about notifications.
import { sql, type Selectable } from 'kysely';
import type { NotificationType } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import type { Notifications } from '../../db/types';

export type NotificationRow = Selectable<Notifications>;

export interface NewNotification {
  userId: string;
  type: NotificationType;
  title: string;
  message: string;
  relatedJobId?: number | null;
  relatedContentId?: number | null;
}

/**
 * The user's per-type notification settings (`preferences.notifications`), `{}` when none are stored,
 * or undefined when the user does not exist.
 */
export async function notificationSettings(
  db: Database,
  userId: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('users')
    .select(sql<unknown>`preferences -> 'notifications'`.as('settings'))
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { settings } = row;
  return typeof settings === 'object' && settings !== null && !Array.isArray(settings)
    ? (settings as Record<string, unknown>)
    : {};
}

export function insertNotification(db: Database, notification: NewNotification): Promise<NotificationRow> {
  return db
    .insertInto('notifications')
    .values({
      user_id: notification.userId,
      type: notification.type,
      title: notification.title,
      message: notification.message,
      related_job_id: notification.relatedJobId ?? null,
      related_content_id: notification.relatedContentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Served by the partial index on unread rows. */
export async function countUnread(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where a page ends: the last row's creation time (microseconds, as text) and id. */
export interface NotificationKey {
  at: string;
  id: number;
}

export interface NotificationListFilter {
  unreadOnly: boolean;
  types?: NotificationType[];
  after?: NotificationKey;
  limit: number;
}

/**
 * The user's notifications, newest first, in keyset pages on (created_at, id), which the
 * (user_id, created_at DESC, id DESC) index serves. Each row carries its key as microsecond text: a
 * JavaScript Date keeps only milliseconds and would skip rows of the same millisecond.
 */
export function listNotifications(db: Database, userId: string, filter: NotificationListFilter) {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .select(sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('key_at'))
    .where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  if (filter.types && filter.types.length > 0) query = query.where('type', 'in', filter.types);
  if (filter.after) {
    const { at, id } = filter.after;
    query = query.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id}::int8)`);
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Marks one of the user's notifications read (keeping the first read time) or unread. */
export function setRead(
  db: Database,
  userId: string,
  id: number,
  read: boolean,
): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set({ read_at: read ? sql<Date>`coalesce(read_at, now())` : null })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: Database, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteNotification(db: Database, userId: string, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('notifications')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Merges `changes` into `preferences.notifications` in one statement, so a concurrent change of another
 * preference (or of another type) is never lost. Returns the stored settings.
 */
export async function mergeNotificationSettings(
  db: Database,
  userId: string,
  changes: Partial<Record<NotificationType, boolean>>,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      preferences: sql`jsonb_set(
        preferences,
        '{notifications}',
        CASE WHEN jsonb_typeof(preferences -> 'notifications') = 'object'
          THEN preferences -> 'notifications' ELSE '{}'::jsonb END || ${JSON.stringify(changes)}::jsonb
      )`,
    })
    .where('id', '=', userId)
    .returning(sql<Record<string, unknown>>`preferences -> 'notifications'`.as('settings'))
    .executeTakeFirst();
  return row?.settings;
}
