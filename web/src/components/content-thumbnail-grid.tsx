import type { ComponentProps } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import ImageListItemBar from '@mui/material/ImageListItemBar';
import Skeleton from '@mui/material/Skeleton';
import type { ContentSummary } from '@genonaut/contracts';
import { paths } from '@/config/paths';

export type ThumbnailSize = keyof ContentSummary['thumbnails'];

/** Columns are at least `minWidth` px wide, or `maxShare` of the row on a narrow screen. */
export interface TileWidth {
  minWidth: number;
  maxShare?: string;
}

const gridSx = ({ minWidth, maxShare = '45%' }: TileWidth) => ({
  display: 'grid',
  gap: 1,
  gridTemplateColumns: `repeat(auto-fill, minmax(min(${minWidth}px, ${maxShare}), 1fr))`,
  m: 0,
  p: 0,
  listStyle: 'none',
});

const tileSx = {
  position: 'relative',
  display: 'block',
  aspectRatio: '1',
  overflow: 'hidden',
  borderRadius: 2,
  bgcolor: 'action.hover',
} as const;

const imageSx = { width: '100%', height: '100%', objectFit: 'cover', display: 'block' } as const;

/** The first of `sizes` the item has a thumbnail in, else the original image. */
function thumbnailOf(item: ContentSummary, sizes: readonly ThumbnailSize[]) {
  for (const size of sizes) {
    const thumb = item.thumbnails[size];
    if (thumb) return thumb;
  }
  return item.image;
}

/**
 * Square tiles of content items, each a link to its item page; as many columns as the width holds.
 * `caption` overlays the title (and creator) on the tile; without one, the image's alt text alone
 * names the link.
 */
export function ContentThumbnailGrid({
  items,
  tileWidth,
  thumbnailSizes = ['medium'],
  caption = 'none',
  itemTestId,
  busy = false,
  ...list
}: Omit<ComponentProps<'ul'>, 'children'> & {
  items: ContentSummary[];
  tileWidth: TileWidth;
  /** Thumbnail sizes to try, in order, before the original image. */
  thumbnailSizes?: readonly ThumbnailSize[];
  caption?: 'none' | 'title' | 'title-and-creator';
  itemTestId: string;
  /** Dims the tiles while newer items load in their place. */
  busy?: boolean;
}) {
  return (
    <Box
      component="ul"
      sx={{ ...gridSx(tileWidth), opacity: busy ? 0.6 : 1 }}
      aria-busy={busy || undefined}
      {...list}
    >
      {items.map((item) => {
        const thumb = thumbnailOf(item, thumbnailSizes);
        return (
          <li key={item.id}>
            <Box
              component={RouterLink}
              to={paths.contentItem.href(item.id)}
              sx={tileSx}
              data-testid={itemTestId}
            >
              {thumb && (
                <Box
                  component="img"
                  src={thumb.url}
                  alt={item.title}
                  loading="lazy"
                  width={thumb.width}
                  height={thumb.height}
                  sx={imageSx}
                />
              )}
              {caption !== 'none' && (
                <ImageListItemBar
                  title={item.title}
                  subtitle={
                    caption === 'title-and-creator'
                      ? (item.creator.displayName ?? item.creator.username)
                      : undefined
                  }
                />
              )}
            </Box>
          </li>
        );
      })}
    </Box>
  );
}

/** Placeholder tiles in the same grid, announced as loading under `label`. */
export function ContentThumbnailGridSkeleton({
  tileWidth,
  count,
  label,
  testId,
}: {
  tileWidth: TileWidth;
  count: number;
  label: string;
  testId?: string;
}) {
  return (
    <Box sx={gridSx(tileWidth)} role="status" aria-label={label} data-testid={testId}>
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
      ))}
    </Box>
  );
}
