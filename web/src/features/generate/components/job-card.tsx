import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GenerationJob, JobStatus } from '@genonaut/contracts';
import { STATUS_LABELS } from '../utils/job-event';
import { JobActions } from './job-actions';
import { JobImages } from './job-images';

const STATUS_COLORS: Record<JobStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  queued: 'default',
  running: 'info',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One job: status, prompt, when, live progress, its images or its error, and what can be done. */
export function JobCard({
  job,
  onDeleted,
  extraActions,
}: {
  job: GenerationJob;
  onDeleted?: (id: number) => void;
  extraActions?: ReactNode;
}) {
  const percent = Math.round(job.progress * 100);
  return (
    <Card
      data-testid={`job-card-${job.id}`}
      data-status={job.status}
      component="article"
      aria-label={`Job ${job.id}`}
    >
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Chip
              label={STATUS_LABELS[job.status]}
              color={STATUS_COLORS[job.status]}
              data-testid={`job-status-${job.id}`}
            />
            <Typography variant="body2" color="text.secondary">
              #{job.id} · <time dateTime={job.createdAt}>{dateFormat.format(new Date(job.createdAt))}</time>
              {job.attempts > 1 ? ` · attempt ${job.attempts}` : ''}
            </Typography>
          </Stack>
          {job.title && (
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{job.title}</Typography>
          )}
          <Typography
            variant="body2"
            sx={{
              overflowWrap: 'anywhere',
              display: '-webkit-box',
              WebkitLineClamp: 3,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
            }}
            data-testid={`job-prompt-${job.id}`}
          >
            {job.prompt}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {job.checkpoint} · {job.width}×{job.height} · {job.batchSize} image
            {job.batchSize === 1 ? '' : 's'} · seed {job.seed} · {job.steps} steps
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LinearProgress
              sx={{ flexGrow: 1 }}
              variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
              color={job.status === 'failed' ? 'error' : job.status === 'cancelled' ? 'warning' : 'primary'}
              value={percent}
              aria-label={`Progress of job ${job.id}`}
              data-testid={`job-progress-${job.id}`}
            />
            <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'end' }}>
              {job.status === 'queued' ? '' : `${percent}%`}
            </Typography>
          </Stack>
          {job.error && (
            <Alert severity="error" data-testid={`job-error-${job.id}`}>
              <strong>{job.error.code}</strong>: {job.error.message}
            </Alert>
          )}
          <JobImages job={job} />
        </Stack>
      </CardContent>
      <CardActions>
        <JobActions job={job} onDeleted={onDeleted} extra={extraActions} />
      </CardActions>
    </Card>
  );
}
