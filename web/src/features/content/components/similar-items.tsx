import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ContentThumbnailGrid, ContentThumbnailGridSkeleton } from '@/components/content-thumbnail-grid';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { useSimilarContent } from '../api/get-similar-content';

const TILE_WIDTH = { minWidth: 120, maxShare: '30%' };

/** Items sharing the most tags with this one; loads on its own, after the item. */
export function SimilarItems({ id }: { id: number }) {
  const similar = useSimilarContent(id);
  return (
    <Stack spacing={1} component="section" aria-labelledby="similar-title" data-testid="similar-items">
      <Typography id="similar-title" variant="h2">
        Similar images
      </Typography>
      <QueryStates
        query={similar}
        loading={
          <ContentThumbnailGridSkeleton
            tileWidth={TILE_WIDTH}
            count={6}
            label="Loading similar images"
            testId="similar-loading"
          />
        }
        errorTestId="similar-error"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No similar images yet" testId="similar-empty">
            <Typography color="text.secondary">Images that share tags with this one appear here.</Typography>
          </EmptyState>
        }
      >
        {(data) => (
          <ContentThumbnailGrid
            items={data.items}
            tileWidth={TILE_WIDTH}
            thumbnailSizes={['medium', 'small']}
            itemTestId="similar-item"
          />
        )}
      </QueryStates>
    </Stack>
  );
}
