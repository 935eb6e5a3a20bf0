import { useCurrentUser, useSetCurrentUser } from '@/features/auth/api/get-current-user';
import { AppearanceSection } from '@/features/settings/components/appearance-section';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Appearance · Settings');
  const user = useCurrentUser().data;
  const setUser = useSetCurrentUser();
  // The protected route renders this only once the user is known.
  return user ? <AppearanceSection user={user} onUserChange={setUser} /> : null;
}
