import { GalleryPage } from '@/features/gallery/components/gallery-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Gallery');
  return <GalleryPage />;
}
