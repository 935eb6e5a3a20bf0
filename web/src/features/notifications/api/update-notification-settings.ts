import type { NotificationSettings, UpdateNotificationSettingsBody } from '@genonaut/contracts';
import { useOptimisticMutation } from '@/hooks/use-optimistic-mutation';
import { api } from '@/lib/api-client';
import { notificationSettingsQueryOptions } from './get-notification-settings';

/** PUT merges only the types sent, so switching one never overwrites a change made in another tab. */
export function updateNotificationSettings(
  body: UpdateNotificationSettingsBody,
): Promise<NotificationSettings> {
  return api.put<NotificationSettings>('/users/me/notification-settings', body);
}

/** Optimistic: the switch moves at once and moves back if the API refuses. */
export function useUpdateNotificationSettings() {
  return useOptimisticMutation({
    queryKey: notificationSettingsQueryOptions().queryKey,
    mutationFn: updateNotificationSettings,
    apply: (settings: NotificationSettings, change: UpdateNotificationSettingsBody) => ({
      ...settings,
      ...change,
    }),
    settle: (_settings, answer) => answer,
  });
}
