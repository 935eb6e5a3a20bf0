import type { NotificationType } from '@genonaut/contracts';

/** Every type, in the order the settings list them, with the words the pages use for it. */
export const NOTIFICATION_TYPES: { type: NotificationType; label: string; description: string }[] = [
  { type: 'job_completed', label: 'Job completed', description: 'A generation job finished its images' },
  { type: 'job_failed', label: 'Job failed', description: 'A generation job stopped with an error' },
  { type: 'job_cancelled', label: 'Job cancelled', description: 'A generation job was cancelled' },
  { type: 'recommendation', label: 'Recommendations', description: 'New items picked for you' },
  { type: 'system', label: 'System messages', description: 'Announcements from the administrators' },
];

export function notificationTypeLabel(type: NotificationType): string {
  return NOTIFICATION_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatNotificationTime(iso: string): string {
  return dateFormat.format(new Date(iso));
}
