import { GeneratePage } from '@/features/generate/components/generate-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Generate');
  return <GeneratePage />;
}
