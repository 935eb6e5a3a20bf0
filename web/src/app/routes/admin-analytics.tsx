import { AnalyticsPage } from '@/features/analytics/components/analytics-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Analytics');
  return <AnalyticsPage />;
}
