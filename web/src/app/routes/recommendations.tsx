import { RecommendationsPage } from '@/features/recommendations/components/recommendations-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Recommended for you');
  return <RecommendationsPage />;
}
