import type { GenerationJob, JobEvent, JobStatus } from '@genonaut/contracts';

/** A job with a live event applied: the event is newer than whatever the API answered before. */
export function applyJobEvent(job: GenerationJob, event: JobEvent): GenerationJob {
  return {
    ...job,
    status: event.status,
    progress: event.progress,
    contentIds: event.contentIds ?? job.contentIds,
    // A retried job starts clean; only a failure (or a cancel that says why) carries an error.
    error: event.error ?? (event.status === 'queued' || event.status === 'running' ? null : job.error),
  };
}

export const isActive = (status: JobStatus) => status === 'queued' || status === 'running';
export const canRetry = (status: JobStatus) => status === 'failed' || status === 'cancelled';
export const canDelete = (status: JobStatus) => !isActive(status);

export const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];
