import type { ContentSummary } from '@genonaut/contracts';
import type { GalleryView, ThumbSize } from '../hooks/use-gallery-params';
import { ContentGrid, ContentGridSkeleton } from './content-grid';
import { ContentList, ContentListSkeleton } from './content-list';

export function GalleryItems({
  items,
  view,
  size,
}: {
  items: ContentSummary[];
  view: GalleryView;
  size: ThumbSize;
}) {
  return view === 'list' ? <ContentList items={items} /> : <ContentGrid items={items} size={size} />;
}

export function GallerySkeleton({ view, size }: { view: GalleryView; size: ThumbSize }) {
  return view === 'list' ? <ContentListSkeleton /> : <ContentGridSkeleton size={size} />;
}
