import { useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { ContentItemPage } from '@/features/content/components/content-item-page';

export function Component() {
  const { id } = useParams();
  // Features do not import each other: the route hands the signed-in user to the content page.
  const user = useCurrentUser().data ?? null;
  return <ContentItemPage id={Number(id)} viewer={user && { id: user.id, role: user.role }} />;
}
