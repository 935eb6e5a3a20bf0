import Stack from '@mui/material/Stack';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ContentThumbnailGrid, ContentThumbnailGridSkeleton } from '@/components/content-thumbnail-grid';
import { PageNumbers } from '@/components/page-numbers';
import { EmptyState, ErrorState } from '@/components/state-message';
import { isApiError } from '@/lib/api-error';
import { numberedPageCount } from '@/lib/page-count';
import { SHARED_PAGE_SIZE, useSharedCategory } from '../api/get-shared-category';
import { usePageParam } from '../hooks/use-page-param';

const TILE_WIDTH = { minWidth: 160 };

/** A public category as anyone with its link sees it: read-only, public images only. */
export function SharedCategoryPage({ token }: { token: string }) {
  const [page, setPage] = usePageParam();
  const shared = useSharedCategory(token, page);

  // A malformed token is a 400 and a revoked one a 404: to the visitor both are a dead link.
  if (isApiError(shared.error) && (shared.error.status === 404 || shared.error.status === 400)) {
    return (
      <EmptyState title="This link does not work" testId="shared-not-found">
        <Typography color="text.secondary">
          The category may have been made private, or its owner replaced the link.
        </Typography>
      </EmptyState>
    );
  }
  if (shared.isPending) {
    return (
      <Stack spacing={2} data-testid="shared-loading">
        <Skeleton variant="text" width="40%" height={56} />
        <ContentThumbnailGridSkeleton tileWidth={TILE_WIDTH} count={8} label="Loading shared images" />
      </Stack>
    );
  }
  if (shared.isError) {
    return <ErrorState error={shared.error} onRetry={() => void shared.refetch()} testId="shared-error" />;
  }

  const { category, items, pagination } = shared.data;
  const owner = category.owner.displayName ?? category.owner.username;
  return (
    <Stack spacing={3} data-testid="shared-page">
      <Stack spacing={1}>
        <Typography variant="h1" sx={{ overflowWrap: 'anywhere' }} data-testid="shared-name">
          {category.name}
        </Typography>
        <Typography color="text.secondary" data-testid="shared-owner">
          Shared by {owner}
        </Typography>
        {category.description && (
          <Typography data-testid="shared-description">{category.description}</Typography>
        )}
      </Stack>
      {items.length === 0 ? (
        <EmptyState
          title={page > 1 ? 'No images on this page' : 'No public images here yet'}
          testId="shared-empty"
        />
      ) : (
        <>
          <ContentThumbnailGrid
            items={items}
            tileWidth={TILE_WIDTH}
            caption="title-and-creator"
            itemTestId="shared-item"
            busy={shared.isPlaceholderData}
            aria-label={`Images in ${category.name}`}
            data-testid="shared-grid"
          />
          <PageNumbers
            count={numberedPageCount(pagination, page, SHARED_PAGE_SIZE)}
            page={page}
            onPage={setPage}
            label="Shared image pages"
            testId="shared-pager"
          />
        </>
      )}
    </Stack>
  );
}
