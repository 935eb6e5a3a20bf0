import { useParams } from 'react-router';
import { ContentItemPage } from '@/features/content/components/content-item-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Item');
  const { id } = useParams();
  return <ContentItemPage id={Number(id)} />;
}
