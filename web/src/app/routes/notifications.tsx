import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Notifications');
  return <NotificationsPage />;
}
