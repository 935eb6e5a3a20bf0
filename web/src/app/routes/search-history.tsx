import { SearchHistoryPage } from '@/features/search-history/components/search-history-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Search history');
  return <SearchHistoryPage />;
}
