import { useParams } from 'react-router';
import { SharedCategoryPage } from '@/features/bookmarks/components/shared-category-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  const { shareToken = '' } = useParams();
  useDocumentTitle('Shared bookmarks');
  return <SharedCategoryPage key={shareToken} token={shareToken} />;
}
