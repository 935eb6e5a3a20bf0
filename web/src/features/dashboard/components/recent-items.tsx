import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { gallerySourcesFor, useRecentContent, type RecentScope } from '../api/get-recent-content';

const gridSx = {
  display: 'grid',
  gap: 1,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(140px, 45%), 1fr))',
};

export function RecentItems({ scope, title }: { scope: RecentScope; title: string }) {
  const recent = useRecentContent(scope);
  return (
    <Stack spacing={1} component="section" aria-label={title} data-testid={`recent-${scope}`}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h2">{title}</Typography>
        <Button
          component={RouterLink}
          to={paths.gallery.href(new URLSearchParams({ sources: gallerySourcesFor(scope) }))}
        >
          See all
        </Button>
      </Stack>
      {recent.isPending ? (
        <Box sx={gridSx} role="status" aria-label={`Loading ${title.toLowerCase()}`}>
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
          ))}
        </Box>
      ) : recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.items.length === 0 ? (
        <EmptyState title={scope === 'mine' ? 'You have no images yet' : 'Nothing from the community yet'}>
          {scope === 'mine' && (
            <Button variant="contained" component={RouterLink} to={paths.generate.href()}>
              Generate your first
            </Button>
          )}
        </EmptyState>
      ) : (
        <Box sx={gridSx}>
          {recent.data.items.map((item) => {
            const thumb = item.thumbnails.medium ?? item.image;
            return (
              <Box
                key={item.id}
                component={RouterLink}
                to={paths.contentItem.href(item.id)}
                sx={{
                  aspectRatio: '1',
                  borderRadius: 2,
                  overflow: 'hidden',
                  bgcolor: 'action.hover',
                  display: 'block',
                }}
                data-testid="recent-item"
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
            );
          })}
        </Box>
      )}
    </Stack>
  );
}
