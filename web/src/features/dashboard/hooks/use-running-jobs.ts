import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobQuery } from '@genonaut/contracts';
import { generationJobsQueryOptions } from '@/api/get-generation-jobs';
import { useJobSubscription, useRealtimeMessages } from '@/hooks/use-realtime';

const RUNNING: JobQuery = { status: 'queued,running', pageSize: 10 };

/** Your queued and running jobs, kept live by the WebSocket's job events. */
export function useRunningJobs() {
  const queryClient = useQueryClient();
  const { queryKey } = generationJobsQueryOptions(RUNNING);
  const query = useQuery(generationJobsQueryOptions(RUNNING));
  useJobSubscription(query.data?.items.map((job) => job.id) ?? []);
  useRealtimeMessages((message) => {
    if (message.type !== 'job') return;
    if (message.status === 'queued' || message.status === 'running') {
      queryClient.setQueryData(
        queryKey,
        (page) =>
          page && {
            ...page,
            items: page.items.map((job) =>
              job.id === message.jobId ? { ...job, status: message.status, progress: message.progress } : job,
            ),
          },
      );
    } else {
      // A job left the running set (or a new one may have started): ask again.
      void queryClient.invalidateQueries({ queryKey });
    }
  });
  return query;
}
