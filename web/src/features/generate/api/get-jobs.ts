import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { JobPage, JobStatus } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export interface JobListQuery {
  statuses: JobStatus[];
  cursor?: string | undefined;
  pageSize: number;
}

export function getJobs(query: JobListQuery, signal?: AbortSignal): Promise<JobPage> {
  return api.get<JobPage>('/generation-jobs', {
    query: {
      status: query.statuses.length > 0 ? query.statuses.join(',') : undefined,
      cursor: query.cursor,
      pageSize: query.pageSize,
    },
    signal,
  });
}

/** The prefix of every page of the list, for updates that touch them all. */
export const jobListKey = ['generation-jobs', 'list'] as const;

export const jobsQueryOptions = (query: JobListQuery) =>
  queryOptions({
    queryKey: [...jobListKey, query],
    queryFn: ({ signal }) => getJobs(query, signal),
    staleTime: 10_000,
  });

export function useJobs(query: JobListQuery) {
  return useQuery({ ...jobsQueryOptions(query), placeholderData: keepPreviousData });
}
