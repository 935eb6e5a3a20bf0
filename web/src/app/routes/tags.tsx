import { TagsPage } from '@/features/tags/components/tags-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Tags');
  return <TagsPage />;
}
