import { NotificationSettingsPage } from '@/features/notifications/components/notification-settings-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Notifications · Settings');
  return <NotificationSettingsPage embedded />;
}
