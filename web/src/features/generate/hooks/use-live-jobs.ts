import { useQueryClient } from '@tanstack/react-query';
import type { JobPage } from '@genonaut/contracts';
import { useJobSubscription, useRealtimeMessages } from '@/hooks/use-realtime';
import { jobQueryOptions } from '../api/get-job';
import { generationJobsKey } from '@/api/get-generation-jobs';
import { applyJobEvent, isActive } from '../utils/job-event';

/**
 * Follows `jobIds` over the WebSocket and writes every job event into the cached job and into every
 * cached page of the job list, so cards and history rows move without polling.
 */
export function useLiveJobs(jobIds: number[]): void {
  const queryClient = useQueryClient();
  useJobSubscription(jobIds);
  useRealtimeMessages((message) => {
    if (message.type !== 'job') return;
    queryClient.setQueryData(
      jobQueryOptions(message.jobId).queryKey,
      (job) => job && applyJobEvent(job, message),
    );
    let listed = false;
    queryClient.setQueriesData<JobPage>({ queryKey: generationJobsKey }, (page) => {
      if (!page?.items.some((job) => job.id === message.jobId)) return page;
      listed = true;
      return {
        ...page,
        items: page.items.map((job) => (job.id === message.jobId ? applyJobEvent(job, message) : job)),
      };
    });
    // A finished job may no longer belong to a filtered page: refresh the lists in the background.
    if (listed && !isActive(message.status)) {
      void queryClient.invalidateQueries({ queryKey: generationJobsKey, refetchType: 'none' });
    }
  });
}
