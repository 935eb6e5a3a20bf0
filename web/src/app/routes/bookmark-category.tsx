import { useParams } from 'react-router';
import { CategoryPage } from '@/features/bookmarks/components/category-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  const { categoryId = '' } = useParams();
  useDocumentTitle('Bookmark category');
  // Keyed, so another category starts with fresh dialogs and selection.
  return <CategoryPage key={categoryId} categoryId={categoryId} />;
}
