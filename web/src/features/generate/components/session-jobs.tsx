import { useEffect } from 'react';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState, ErrorState } from '@/components/state-message';
import { isApiError } from '@/lib/api-error';
import { useJob } from '../api/get-job';
import { useLiveJobs } from '../hooks/use-live-jobs';
import { JobCard } from './job-card';

function SessionJob({ id, onRemove }: { id: number; onRemove: (id: number) => void }) {
  const job = useJob(id);
  const gone = job.isError && isApiError(job.error) && job.error.status === 404;
  // Deleted elsewhere (another tab, the history): nothing left to follow.
  useEffect(() => {
    if (gone) onRemove(id);
  }, [gone, id, onRemove]);
  if (job.isPending) {
    return <Skeleton variant="rounded" height={160} role="status" aria-label={`Loading job ${id}`} />;
  }
  if (job.isError) {
    return gone ? null : <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  }
  return (
    <JobCard
      job={job.data}
      onDeleted={onRemove}
      extraActions={
        <Button color="inherit" onClick={() => onRemove(id)} aria-label={`Dismiss job ${id}`}>
          Dismiss
        </Button>
      }
    />
  );
}

/** The jobs queued from this tab, followed live over the WebSocket. */
export function SessionJobs({ ids, onRemove }: { ids: number[]; onRemove: (id: number) => void }) {
  useLiveJobs(ids);
  return (
    <Stack spacing={2} component="section" aria-label="Your new jobs" data-testid="session-jobs">
      <Typography variant="h2">Progress</Typography>
      {ids.length === 0 ? (
        <EmptyState title="No jobs queued yet" testId="session-jobs-empty">
          <Typography color="text.secondary">
            Jobs you queue here show their progress and images as they finish. Older jobs are in the history.
          </Typography>
        </EmptyState>
      ) : (
        ids.map((id) => <SessionJob key={id} id={id} onRemove={onRemove} />)
      )}
    </Stack>
  );
}
