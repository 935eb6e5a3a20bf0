// GET /generation-jobs: the generate page's history and the dashboard's running jobs.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { JobPage, JobQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

export function getGenerationJobs(query: JobQuery, signal?: AbortSignal): Promise<JobPage> {
  return api.get<JobPage>('/generation-jobs', { query: { ...query }, signal });
}

/** The prefix of every cached page of the list, for updates that touch them all. */
export const generationJobsKey = ['generation-jobs', 'list'] as const;

export const generationJobsQueryOptions = (query: JobQuery) =>
  queryOptions({
    queryKey: [...generationJobsKey, query],
    queryFn: ({ signal }) => getGenerationJobs(query, signal),
    staleTime: 10_000,
  });

/** The previous page stays on screen while the next one (or another filter's) loads. */
export function useGenerationJobs(query: JobQuery) {
  return useQuery({ ...generationJobsQueryOptions(query), placeholderData: keepPreviousData });
}
