import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import CancelIcon from '@mui/icons-material/Cancel';
import DeleteIcon from '@mui/icons-material/Delete';
import ReplayIcon from '@mui/icons-material/Replay';
import type { GenerationJob } from '@genonaut/contracts';
import { errorMessage } from '@/lib/api-error';
import { useCancelJob } from '../api/cancel-job';
import { useDeleteJob } from '../api/delete-job';
import { useRetryJob } from '../api/retry-job';
import { canDelete, canRetry, isActive } from '../utils/job-event';
import { DeleteJobDialog } from './delete-job-dialog';

/** Cancel (queued or running), retry (failed or cancelled) and delete (finished), each by state. */
export function JobActions({
  job,
  onDeleted,
  extra,
}: {
  job: GenerationJob;
  onDeleted?: (id: number) => void;
  extra?: ReactNode;
}) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const remove = useDeleteJob();
  const [confirming, setConfirming] = useState(false);
  const failure = cancel.error ?? retry.error ?? remove.error;
  const clearErrors = () => {
    cancel.reset();
    retry.reset();
    remove.reset();
  };

  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      {failure && (
        <Alert severity="error" onClose={clearErrors} data-testid={`job-action-error-${job.id}`}>
          {errorMessage(failure)}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, justifyContent: 'flex-end' }}>
        {extra}
        {isActive(job.status) && (
          <Button
            startIcon={<CancelIcon />}
            aria-label="Cancel job"
            loading={cancel.isPending}
            onClick={() => {
              clearErrors();
              cancel.mutate(job.id);
            }}
            data-testid={`cancel-job-${job.id}`}
          >
            Cancel
          </Button>
        )}
        {canRetry(job.status) && (
          <Button
            startIcon={<ReplayIcon />}
            aria-label="Retry job"
            loading={retry.isPending}
            onClick={() => {
              clearErrors();
              retry.mutate(job.id);
            }}
            data-testid={`retry-job-${job.id}`}
          >
            Retry
          </Button>
        )}
        {canDelete(job.status) && (
          <Button
            color="error"
            startIcon={<DeleteIcon />}
            aria-label="Delete job"
            onClick={() => setConfirming(true)}
            data-testid={`delete-job-${job.id}`}
          >
            Delete
          </Button>
        )}
      </Stack>
      <DeleteJobDialog
        jobId={job.id}
        open={confirming}
        pending={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(job.id, {
            onSuccess: () => {
              setConfirming(false);
              onDeleted?.(job.id);
            },
            onError: () => setConfirming(false),
          })
        }
      />
    </Stack>
  );
}
