import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { GenerationOverview } from '@genonaut/contracts';
import { formatCount, formatMs, formatPercent } from './format';

export function GenerationOverviewCards({ data }: { data: GenerationOverview }) {
  const cards = [
    { key: 'requests', label: 'Jobs submitted', value: formatCount(data.requests) },
    { key: 'success-rate', label: 'Success rate', value: formatPercent(data.successRate) },
    {
      key: 'failures',
      label: 'Failed / cancelled',
      value: `${formatCount(data.failures)} / ${formatCount(data.cancellations)}`,
    },
    { key: 'images', label: 'Images', value: formatCount(data.images) },
    {
      key: 'duration',
      label: 'Duration p50 / p95',
      value: `${formatMs(data.p50DurationMs)} / ${formatMs(data.p95DurationMs)}`,
    },
    { key: 'queue-wait', label: 'Average queue wait', value: formatMs(data.avgQueueWaitMs) },
  ];
  return (
    <Grid container spacing={2} data-testid="generation-overview">
      {cards.map((card) => (
        <Grid key={card.key} size={{ xs: 6, md: 4, lg: 2 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="body2" color="text.secondary">
                {card.label}
              </Typography>
              <Typography variant="h3" component="p" data-testid={`overview-${card.key}`}>
                {card.value}
              </Typography>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
