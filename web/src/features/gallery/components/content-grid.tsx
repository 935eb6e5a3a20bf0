import type { ContentSummary } from '@genonaut/contracts';
import {
  ContentThumbnailGrid,
  ContentThumbnailGridSkeleton,
  type TileWidth,
} from '@/components/content-thumbnail-grid';
import type { ThumbSize } from '../hooks/use-gallery-params';

/** Column width per thumbnail size; the grid fits as many columns as the screen holds. */
const TILE_WIDTH: Record<ThumbSize, TileWidth> = {
  small: { minWidth: 120 },
  medium: { minWidth: 180 },
  large: { minWidth: 280 },
};

export function ContentGrid({ items, size }: { items: ContentSummary[]; size: ThumbSize }) {
  return (
    <ContentThumbnailGrid
      items={items}
      tileWidth={TILE_WIDTH[size]}
      thumbnailSizes={[size, 'medium']}
      caption={size === 'small' ? 'none' : 'title-and-creator'}
      itemTestId="gallery-item"
      data-testid="gallery-grid"
      data-size={size}
      aria-label="Images"
    />
  );
}

export function ContentGridSkeleton({ size, count = 12 }: { size: ThumbSize; count?: number }) {
  return (
    <ContentThumbnailGridSkeleton
      tileWidth={TILE_WIDTH[size]}
      count={count}
      label="Loading images"
      testId="gallery-loading"
    />
  );
}
