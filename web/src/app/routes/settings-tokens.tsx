import { ApiTokensSection } from '@/features/settings/components/api-tokens-section';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('API tokens · Settings');
  return <ApiTokensSection />;
}
