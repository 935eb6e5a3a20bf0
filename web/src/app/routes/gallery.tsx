import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { GalleryPage } from '@/features/gallery/components/gallery-page';
import { useSearchRecorder } from '@/features/search-history/hooks/use-search-recorder';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Gallery');
  // The gallery's own search field is remembered like the app bar's (features do not share code).
  const onSearch = useSearchRecorder(Boolean(useCurrentUser().data));
  return <GalleryPage onSearch={onSearch} />;
}
