import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GenerationJob } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { jobQueryOptions } from './get-job';
import { generationJobsKey } from '@/api/get-generation-jobs';

export function cancelJob(id: number): Promise<GenerationJob> {
  return api.post<GenerationJob>(`/generation-jobs/${id}/cancel`);
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueryOptions(job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: generationJobsKey });
    },
  });
}
