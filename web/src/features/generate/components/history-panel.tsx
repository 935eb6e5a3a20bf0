import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import type { JobStatus } from '@genonaut/contracts';
import { EmptyState, ErrorState } from '@/components/state-message';
import { useGenerationJobs } from '@/api/get-generation-jobs';
import { useGenerateParams } from '../hooks/use-generate-params';
import { useLiveJobs } from '../hooks/use-live-jobs';
import { isActive, JOB_STATUSES, STATUS_LABELS } from '../utils/job-event';
import { JobCard } from './job-card';

export const HISTORY_PAGE_SIZE = 10;

function HistorySkeleton() {
  return (
    <Stack spacing={2} role="status" aria-label="Loading jobs" data-testid="history-loading">
      {Array.from({ length: 3 }, (_, index) => (
        <Skeleton key={index} variant="rounded" height={140} />
      ))}
    </Stack>
  );
}

/** Every job of yours, newest first, filtered and paged by the API; active ones move live. */
export function HistoryPanel() {
  const { history, setHistory } = useGenerateParams();
  const jobs = useGenerationJobs({
    status: history.statuses.length > 0 ? history.statuses.join(',') : undefined,
    cursor: history.cursors.at(-1),
    pageSize: HISTORY_PAGE_SIZE,
  });
  const items = jobs.data?.items ?? [];
  useLiveJobs(items.filter((job) => isActive(job.status)).map((job) => job.id));
  const page = history.cursors.length + 1;
  const nextCursor = jobs.data?.pagination.nextCursor;

  return (
    <Stack spacing={2} data-testid="history-panel">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup
          value={history.statuses}
          onChange={(_event, statuses: JobStatus[]) => setHistory({ statuses })}
          aria-label="Filter by status"
          sx={{ flexWrap: 'wrap' }}
        >
          {JOB_STATUSES.map((status) => (
            <ToggleButton key={status} value={status} data-testid={`status-filter-${status}`}>
              {STATUS_LABELS[status]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {history.statuses.length > 0 && (
          <Button onClick={() => setHistory({ statuses: [] })} data-testid="status-filter-clear">
            All statuses
          </Button>
        )}
      </Stack>
      {jobs.isPending ? (
        <HistorySkeleton />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} testId="history-error" />
      ) : items.length === 0 ? (
        <EmptyState
          title={history.statuses.length > 0 ? 'No jobs with this status' : 'No jobs yet'}
          testId="history-empty"
        >
          <Typography color="text.secondary">
            {page > 1 ? 'This page is empty; go back to newer jobs.' : 'Queued jobs appear here.'}
          </Typography>
        </EmptyState>
      ) : (
        <Stack spacing={2} sx={{ opacity: jobs.isPlaceholderData ? 0.6 : 1 }} data-testid="history-list">
          {items.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </Stack>
      )}
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'center' }}
        component="nav"
        aria-label="History pages"
      >
        <Button
          startIcon={<ChevronLeftIcon />}
          disabled={page === 1}
          onClick={() => setHistory({ cursors: history.cursors.slice(0, -1) })}
          data-testid="history-newer"
        >
          Newer
        </Button>
        <Typography data-testid="history-page">Page {page}</Typography>
        <Button
          endIcon={<ChevronRightIcon />}
          disabled={!nextCursor || jobs.isPlaceholderData}
          onClick={() => nextCursor && setHistory({ cursors: [...history.cursors, nextCursor] })}
          data-testid="history-older"
        >
          Older
        </Button>
      </Stack>
    </Stack>
  );
}
