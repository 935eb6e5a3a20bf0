import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ContentThumbnailGrid, ContentThumbnailGridSkeleton } from '@/components/content-thumbnail-grid';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { gallerySourcesFor, useRecentContent, type RecentScope } from '../hooks/use-recent-content';

const TILE_WIDTH = { minWidth: 140 };

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
      <QueryStates
        query={recent}
        loading={
          <ContentThumbnailGridSkeleton
            tileWidth={TILE_WIDTH}
            count={8}
            label={`Loading ${title.toLowerCase()}`}
          />
        }
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={scope === 'mine' ? 'You have no images yet' : 'Nothing from the community yet'}>
            {scope === 'mine' && (
              <Button variant="contained" component={RouterLink} to={paths.generate.href()}>
                Generate your first
              </Button>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <ContentThumbnailGrid items={data.items} tileWidth={TILE_WIDTH} itemTestId="recent-item" />
        )}
      </QueryStates>
    </Stack>
  );
}
