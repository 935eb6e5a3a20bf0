import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { AdminUsersPage } from '@/features/admin-users/components/admin-users-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Users');
  // Features do not import each other: the route hands the signed-in administrator to the page.
  const selfId = useCurrentUser().data?.id ?? null;
  return <AdminUsersPage selfId={selfId} />;
}
