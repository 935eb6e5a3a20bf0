import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { ErrorState } from '@/components/state-message';
import { useModerationStats } from '../api/get-moderation-stats';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 96, flex: '1 1 96px' }}>
      <Typography variant="h3" component="p" data-testid={testId}>
        {value.toLocaleString()}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Paper>
  );
}

/** Counts by status and a small histogram of the flags' risk scores. */
export function ModerationStatsHeader() {
  const stats = useModerationStats();
  if (stats.isPending)
    return (
      <Skeleton
        variant="rounded"
        height={72}
        aria-label="Loading counts"
        data-testid="moderation-stats-loading"
      />
    );
  if (stats.isError)
    return (
      <ErrorState error={stats.error} onRetry={() => void stats.refetch()} testId="moderation-stats-error" />
    );
  const { data } = stats;
  const peak = Math.max(1, ...data.riskHistogram.map((b) => b.count));
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} data-testid="moderation-stats">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, flex: 2 }}>
        <Count label="Pending" value={data.pending} testId="stat-pending" />
        <Count label={`Hidden (risk > ${data.hideThreshold})`} value={data.hidden} testId="stat-hidden" />
        <Count label="Approved" value={data.approved} testId="stat-approved" />
        <Count label="Removed" value={data.removed} testId="stat-removed" />
      </Stack>
      {/* Grows only beside the counts: in the phone's column layout flex: 1 would zero its height. */}
      <Box
        role="img"
        aria-label={`Risk histogram: ${data.riskHistogram.map((b) => `${b.from}–${b.to}: ${b.count}`).join(', ')}`}
        sx={{ display: 'flex', alignItems: 'flex-end', gap: 0.5, height: 72, flex: { sm: 1 }, minWidth: 160 }}
        data-testid="risk-histogram"
      >
        {data.riskHistogram.map((band) => (
          <Tooltip key={band.from} title={`Risk ${band.from}–${band.to}: ${band.count}`}>
            <Box
              sx={{
                flex: 1,
                height: `${Math.max(4, (band.count / peak) * 100)}%`,
                bgcolor: band.from >= data.hideThreshold ? 'error.main' : 'primary.main',
                opacity: band.count === 0 ? 0.25 : 0.85,
                borderRadius: 0.5,
              }}
            />
          </Tooltip>
        ))}
      </Box>
    </Stack>
  );
}
