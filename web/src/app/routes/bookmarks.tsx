import { BookmarksPage } from '@/features/bookmarks/components/bookmarks-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Bookmarks');
  return <BookmarksPage />;
}
