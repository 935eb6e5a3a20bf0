import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GenerationJob } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { jobQueryOptions } from './get-job';
import { generationJobsKey } from '@/api/get-generation-jobs';

export function retryJob(id: number): Promise<GenerationJob> {
  return api.post<GenerationJob>(`/generation-jobs/${id}/retry`);
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueryOptions(job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: generationJobsKey });
    },
  });
}
