import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MyGenerationStats as Stats } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { MY_STATS_DAYS, useMyGenerationStats } from '../api/get-my-generation-stats';

const duration = (ms: number | null) =>
  ms === null ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

function figures(stats: Stats) {
  return [
    { key: 'jobs', label: 'Jobs', value: stats.requests.toLocaleString('en-US') },
    {
      key: 'success-rate',
      label: 'Succeeded',
      value: stats.successRate === null ? '–' : `${Math.round(stats.successRate * 100)} %`,
    },
    { key: 'duration', label: 'Average time', value: duration(stats.averageDurationMs) },
    { key: 'images', label: 'Images', value: stats.images.toLocaleString('en-US') },
  ];
}

/** The signed-in user's own generation numbers over the last 30 days. */
export function MyGenerationStats() {
  const stats = useMyGenerationStats();
  return (
    <Stack spacing={1} component="section" aria-label="Your generation" data-testid="my-generation-stats">
      <Typography variant="h2">Your generation, last {MY_STATS_DAYS} days</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {stats.isPending ? (
          <Stack role="status" aria-label="Loading your generation numbers">
            <Skeleton height={48} />
          </Stack>
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
        ) : stats.data.requests === 0 && stats.data.successes === 0 ? (
          <EmptyState title="No jobs in the last 30 days" testId="my-generation-empty" />
        ) : (
          <Grid container spacing={2}>
            {figures(stats.data).map((f) => (
              <Grid key={f.key} size={{ xs: 6, sm: 3 }}>
                <Typography variant="body2" color="text.secondary">
                  {f.label}
                </Typography>
                <Typography variant="h3" component="p" data-testid={`my-${f.key}`}>
                  {f.value}
                </Typography>
              </Grid>
            ))}
          </Grid>
        )}
      </Paper>
    </Stack>
  );
}
