import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import ImageList from '@mui/material/ImageList';
import ImageListItem from '@mui/material/ImageListItem';
import ImageListItemBar from '@mui/material/ImageListItemBar';
import Skeleton from '@mui/material/Skeleton';
import type { ContentSummary } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import type { ThumbSize } from '../hooks/use-gallery-params';

/** Column width per thumbnail size; the grid fits as many columns as the screen holds. */
const MIN_WIDTH: Record<ThumbSize, number> = { small: 120, medium: 180, large: 280 };

function gridSx(size: ThumbSize) {
  return {
    display: 'grid',
    gap: 1,
    gridTemplateColumns: `repeat(auto-fill, minmax(min(${MIN_WIDTH[size]}px, 45%), 1fr))`,
    m: 0,
  };
}

export function ContentGrid({ items, size }: { items: ContentSummary[]; size: ThumbSize }) {
  return (
    <ImageList
      component="ul"
      sx={gridSx(size)}
      data-testid="gallery-grid"
      data-size={size}
      aria-label="Images"
    >
      {items.map((item) => {
        const thumb = item.thumbnails[size] ?? item.thumbnails.medium ?? item.image;
        return (
          <ImageListItem
            key={item.id}
            component={RouterLink}
            to={paths.contentItem.href(item.id)}
            data-testid="gallery-item"
            sx={{ aspectRatio: '1', overflow: 'hidden', borderRadius: 2, bgcolor: 'action.hover' }}
          >
            {thumb && (
              <img
                src={thumb.url}
                alt={item.title}
                loading="lazy"
                width={thumb.width}
                height={thumb.height}
              />
            )}
            {size !== 'small' && (
              <ImageListItemBar
                title={item.title}
                subtitle={item.creator.displayName ?? item.creator.username}
              />
            )}
          </ImageListItem>
        );
      })}
    </ImageList>
  );
}

export function ContentGridSkeleton({ size, count = 12 }: { size: ThumbSize; count?: number }) {
  return (
    <Box sx={gridSx(size)} data-testid="gallery-loading" role="status" aria-label="Loading images">
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
      ))}
    </Box>
  );
}
