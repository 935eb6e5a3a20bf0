import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationSettings } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return api.get<NotificationSettings>('/users/me/notification-settings', { signal });
}

export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications', 'settings'],
    queryFn: ({ signal }) => getNotificationSettings(signal),
  });

/** Which types the user receives; every type is on unless switched off. */
export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions());
}
