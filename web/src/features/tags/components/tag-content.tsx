import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import type { GalleryPage } from '@genonaut/contracts';
import { ContentThumbnailGrid, ContentThumbnailGridSkeleton } from '@/components/content-thumbnail-grid';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { numberedPageCount } from '@/lib/page-count';
import { TAG_CONTENT_PAGE_SIZE } from '../hooks/use-tag-content';

const TILE_WIDTH = { minWidth: 160 };

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
      <QueryStates
        query={result}
        loading={
          <ContentThumbnailGridSkeleton
            tileWidth={TILE_WIDTH}
            count={8}
            label="Loading images"
            testId="tag-content-loading"
          />
        }
        errorTestId="tag-content-error"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={page > 1 ? 'No images on this page' : 'No images with this tag yet'}
            testId="tag-content-empty"
          />
        }
      >
        {(data) => (
          <>
            <ContentThumbnailGrid
              items={data.items}
              tileWidth={TILE_WIDTH}
              caption="title"
              itemTestId="tag-content-item"
              busy={result.isPlaceholderData}
              aria-label={`Images tagged ${name}`}
              data-testid="tag-content-grid"
            />
            <PageNumbers
              count={numberedPageCount(data.pagination, page, TAG_CONTENT_PAGE_SIZE)}
              page={page}
              onPage={onPage}
              label="Tag image pages"
              testId="tag-content-pager"
            />
          </>
        )}
      </QueryStates>
    </Stack>
  );
}
