import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobPage } from '@genonaut/contracts';
import { useJobSubscription, useRealtimeMessages } from '@/hooks/use-realtime';
import { api } from '@/lib/api-client';

export function getRunningJobs(signal?: AbortSignal): Promise<JobPage> {
  return api.get<JobPage>('/generation-jobs', { query: { status: 'queued,running', pageSize: 10 }, signal });
}

export const runningJobsQueryOptions = () =>
  queryOptions({
    queryKey: ['generation-jobs', 'running'],
    queryFn: ({ signal }) => getRunningJobs(signal),
    staleTime: 5_000,
  });

/** Your queued and running jobs, kept live by the WebSocket's job events. */
export function useRunningJobs() {
  const queryClient = useQueryClient();
  const query = useQuery(runningJobsQueryOptions());
  const { queryKey } = runningJobsQueryOptions();
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
