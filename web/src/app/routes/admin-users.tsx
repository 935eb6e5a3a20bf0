import { AdminUsersPage } from '@/features/admin-users/components/admin-users-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Users');
  return <AdminUsersPage />;
}
