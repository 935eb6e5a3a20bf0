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
