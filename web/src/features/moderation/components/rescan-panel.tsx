import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { MutationError } from '@/components/mutation-error';
import { isScanActive, useScanProgress } from '../api/get-scan-progress';
import { useStartScan } from '../api/start-scan';

/** "Rescan all content" with the background job's live progress (polled while it runs). */
export function RescanPanel() {
  const progress = useScanProgress();
  const start = useStartScan();
  const data = progress.data;
  const active = isScanActive(data);
  const percent = data && data.total > 0 ? Math.round((data.processed / data.total) * 100) : 0;
  return (
    <Stack spacing={1} data-testid="rescan-panel">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<RefreshIcon />}
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={active || progress.isPending}
          data-testid="rescan-button"
        >
          Rescan all content
        </Button>
        {data && data.state !== 'idle' && (
          <Typography
            variant="body2"
            color="text.secondary"
            data-testid="rescan-state"
            data-state={data.state}
          >
            {data.state === 'queued' && 'Rescan queued…'}
            {data.state === 'running' &&
              `Rescanning: ${data.processed.toLocaleString()} of ${data.total.toLocaleString()} items, ${data.flagged.toLocaleString()} flagged`}
            {data.state === 'completed' &&
              `Last rescan checked ${data.processed.toLocaleString()} items and found ${data.flagged.toLocaleString()} flagged`}
            {data.state === 'failed' && 'The last rescan did not finish'}
          </Typography>
        )}
      </Stack>
      {active && (
        <LinearProgress
          variant={data?.state === 'running' ? 'determinate' : 'indeterminate'}
          value={percent}
          aria-label="Rescan progress"
          data-testid="rescan-progress"
        />
      )}
      {data?.state === 'failed' && data.error && (
        <Alert severity="warning" data-testid="rescan-error">
          {data.error}
        </Alert>
      )}
      <MutationError error={start.error} message="The rescan did not start" testId="rescan-start-error" />
    </Stack>
  );
}
