import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import { PREVIEW_SIZE, useCategoryPreview } from '../api/get-category-bookmarks';

const TILE = 56;
const rowSx = {
  display: 'grid',
  gridTemplateColumns: `repeat(${PREVIEW_SIZE}, ${TILE}px)`,
  gap: 0.5,
} as const;
const tileSx = {
  width: TILE,
  height: TILE,
  borderRadius: 1,
  bgcolor: 'action.hover',
  overflow: 'hidden',
} as const;

/**
 * The category's first few images; an empty category shows a placeholder and asks the API nothing.
 * Decorative next to the category's name, so the images carry no alt text of their own.
 */
export function CategoryPreview({ categoryId, count }: { categoryId: string; count: number }) {
  const preview = useCategoryPreview(categoryId, count > 0);
  if (count === 0 || preview.isError) {
    return (
      <Box sx={{ ...tileSx, display: 'grid', placeItems: 'center' }} data-testid="category-preview-empty">
        <BookmarksIcon color="disabled" />
      </Box>
    );
  }
  if (preview.isPending) {
    return (
      <Box sx={rowSx} aria-hidden>
        {Array.from({ length: Math.min(count, PREVIEW_SIZE) }, (_, index) => (
          <Skeleton key={index} variant="rounded" width={TILE} height={TILE} />
        ))}
      </Box>
    );
  }
  return (
    <Box sx={rowSx} data-testid="category-preview">
      {preview.data.items.map(({ id, content }) => {
        const thumb = content.thumbnails.small ?? content.thumbnails.medium ?? content.image;
        return (
          <Box key={id} sx={tileSx}>
            {thumb && (
              <Box
                component="img"
                src={thumb.url}
                alt=""
                loading="lazy"
                sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
                data-testid="category-preview-image"
              />
            )}
          </Box>
        );
      })}
    </Box>
  );
}
