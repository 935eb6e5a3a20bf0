import { useCurrentUser, useSetCurrentUser } from '@/features/auth/api/get-current-user';
import { SidebarSection } from '@/features/settings/components/sidebar-section';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Sidebar · Settings');
  const user = useCurrentUser().data;
  const setUser = useSetCurrentUser();
  // The protected route renders this only once the user is known.
  return user ? <SidebarSection user={user} onUserChange={setUser} /> : null;
}
