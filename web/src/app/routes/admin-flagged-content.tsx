import { FlaggedContentPage } from '@/features/moderation/components/flagged-content-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Flagged content');
  return <FlaggedContentPage />;
}
