import { useParams } from 'react-router';
import { TagPage } from '@/features/tags/components/tag-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  const { idOrSlug = '' } = useParams();
  useDocumentTitle(`Tag ${idOrSlug}`);
  return <TagPage idOrSlug={idOrSlug} />;
}
