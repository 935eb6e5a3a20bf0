import { useCurrentUser, useSetCurrentUser } from '@/features/auth/api/get-current-user';
import { ProfileSection } from '@/features/settings/components/profile-section';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Profile · Settings');
  const user = useCurrentUser().data;
  const setUser = useSetCurrentUser();
  // The protected route renders this only once the user is known.
  return user ? <ProfileSection user={user} onUserChange={setUser} /> : null;
}
