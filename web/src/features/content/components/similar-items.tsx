import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useSimilarContent } from '../api/get-similar-content';

const gridSx = {
  display: 'grid',
  gap: 1,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(120px, 30%), 1fr))',
  m: 0,
  p: 0,
  listStyle: 'none',
};
const tileSx = { aspectRatio: '1', borderRadius: 2, overflow: 'hidden', bgcolor: 'action.hover' };

/** Items sharing the most tags with this one; loads on its own, after the item. */
export function SimilarItems({ id }: { id: number }) {
  const similar = useSimilarContent(id);
  return (
    <Stack spacing={1} component="section" aria-labelledby="similar-title" data-testid="similar-items">
      <Typography id="similar-title" variant="h2">
        Similar images
      </Typography>
      {similar.isPending ? (
        <Box sx={gridSx} role="status" aria-label="Loading similar images" data-testid="similar-loading">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} variant="rounded" sx={{ ...tileSx, height: 'auto' }} />
          ))}
        </Box>
      ) : similar.isError ? (
        <ErrorState error={similar.error} onRetry={() => void similar.refetch()} testId="similar-error" />
      ) : similar.data.items.length === 0 ? (
        <EmptyState title="No similar images yet" testId="similar-empty">
          <Typography color="text.secondary">Images that share tags with this one appear here.</Typography>
        </EmptyState>
      ) : (
        <Box component="ul" sx={gridSx}>
          {similar.data.items.map((item) => {
            const thumb = item.thumbnails.medium ?? item.thumbnails.small ?? item.image;
            return (
              <li key={item.id}>
                <Box
                  component={RouterLink}
                  to={paths.contentItem.href(item.id)}
                  sx={{ ...tileSx, display: 'block' }}
                  aria-label={item.title}
                  data-testid="similar-item"
                >
                  {thumb && (
                    <Box
                      component="img"
                      src={thumb.url}
                      alt={item.title}
                      loading="lazy"
                      sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
                    />
                  )}
                </Box>
              </li>
            );
          })}
        </Box>
      )}
    </Stack>
  );
}
