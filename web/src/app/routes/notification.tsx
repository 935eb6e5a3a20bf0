import { useParams } from 'react-router';
import { NotificationDetailPage } from '@/features/notifications/components/notification-detail-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  const { id = '' } = useParams();
  useDocumentTitle('Notification');
  // key: a new id is a new page, not a re-render of the previous one with its mutations' state.
  return <NotificationDetailPage key={id} id={Number(id)} />;
}
