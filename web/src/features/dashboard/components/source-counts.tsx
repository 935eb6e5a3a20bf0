import { Link as RouterLink } from 'react-router';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ContentStats, GallerySourceScope } from '@genonaut/contracts';
import { ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useContentStats } from '../api/get-content-stats';

const CARDS: { key: Exclude<keyof ContentStats, 'updatedAt'>; source: GallerySourceScope; label: string }[] =
  [
    { key: 'mineRegular', source: 'mine-regular', label: 'Your images' },
    { key: 'mineAuto', source: 'mine-auto', label: 'Your auto-generated' },
    { key: 'communityRegular', source: 'community-regular', label: 'Community images' },
    { key: 'communityAuto', source: 'community-auto', label: 'Community auto-generated' },
  ];

export function SourceCounts() {
  const stats = useContentStats();
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <Grid container spacing={2} data-testid="source-counts">
      {CARDS.map((card) => (
        <Grid key={card.key} size={{ xs: 6, md: 3 }}>
          <Card>
            <CardActionArea
              component={RouterLink}
              to={paths.gallery.href(new URLSearchParams({ sources: card.source }))}
            >
              <CardContent>
                <Typography variant="body2" color="text.secondary">
                  {card.label}
                </Typography>
                <Typography variant="h2" component="p" data-testid={`count-${card.source}`}>
                  {stats.data ? stats.data[card.key].toLocaleString() : <Skeleton width="60%" />}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
