// notifications rows → the Notification contract.
import type { Notification, NotificationType } from '@genonaut/contracts';
import type { NotificationRow } from './notifications.repository';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    // The table's CHECK holds the same list as the contract's union.
    type: row.type as NotificationType,
    title: row.title,
    message: row.message,
    relatedJobId: row.related_job_id,
    relatedContentId: row.related_content_id,
    readAt: row.read_at ? row.read_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
