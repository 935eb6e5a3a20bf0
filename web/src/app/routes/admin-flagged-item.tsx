import { useParams } from 'react-router';
import { FlaggedItemPage } from '@/features/moderation/components/flagged-item-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Review flagged item');
  const { id } = useParams();
  return <FlaggedItemPage id={Number(id)} />;
}
