import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ImageList from '@mui/material/ImageList';
import ImageListItem from '@mui/material/ImageListItem';
import ImageListItemBar from '@mui/material/ImageListItemBar';
import Pagination from '@mui/material/Pagination';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import type { GalleryPage } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { TAG_CONTENT_PAGE_SIZE } from '../api/get-tag-content';

/** The API pages by number up to here; the gallery's cursors go further. */
const MAX_PAGE = 400;

const gridSx = {
  display: 'grid',
  gap: 1,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(160px, 45%), 1fr))',
  m: 0,
} as const;

function ContentSkeleton() {
  return (
    <Box sx={gridSx} role="status" aria-label="Loading images" data-testid="tag-content-loading">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
      ))}
    </Box>
  );
}

/** The tag's images (its sub-tags' too), a page at a time, with the way to all of them in the gallery. */
export function TagContent({
  slug,
  name,
  result,
  page,
  onPage,
}: {
  slug: string;
  name: string;
  result: UseQueryResult<GalleryPage>;
  page: number;
  onPage: (page: number) => void;
}) {
  const galleryLink = paths.gallery.href(new URLSearchParams({ tags: slug }));
  let body;
  if (result.isPending) body = <ContentSkeleton />;
  else if (result.isError) {
    body = (
      <ErrorState error={result.error} onRetry={() => void result.refetch()} testId="tag-content-error" />
    );
  } else if (result.data.items.length === 0) {
    body = (
      <EmptyState
        title={page > 1 ? 'No images on this page' : 'No images with this tag yet'}
        testId="tag-content-empty"
      />
    );
  } else {
    const info = result.data.pagination;
    const total = info.totalCount ?? (info.hasNext ? page + 1 : page) * TAG_CONTENT_PAGE_SIZE;
    const count = Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / TAG_CONTENT_PAGE_SIZE)));
    body = (
      <>
        <ImageList
          component="ul"
          sx={{ ...gridSx, opacity: result.isPlaceholderData ? 0.6 : 1 }}
          aria-label={`Images tagged ${name}`}
          aria-busy={result.isPlaceholderData}
          data-testid="tag-content-grid"
        >
          {result.data.items.map((item) => {
            const thumb = item.thumbnails.medium ?? item.image;
            return (
              <ImageListItem
                key={item.id}
                component={RouterLink}
                to={paths.contentItem.href(item.id)}
                data-testid="tag-content-item"
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
                <ImageListItemBar title={item.title} />
              </ImageListItem>
            );
          })}
        </ImageList>
        {count > 1 && (
          <Pagination
            count={count}
            page={Math.min(page, count)}
            onChange={(_event, value) => onPage(value)}
            aria-label="Tag image pages"
            sx={{ alignSelf: 'center' }}
            data-testid="tag-content-pager"
          />
        )}
      </>
    );
  }
  return (
    <Stack spacing={2} component="section" aria-label="Images">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography variant="h2">Images</Typography>
        <Button component={RouterLink} to={galleryLink} data-testid="tag-show-all">
          Show all in gallery
        </Button>
      </Stack>
      {body}
    </Stack>
  );
}
