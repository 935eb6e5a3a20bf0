import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateJobBody, GenerationJob } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { jobQueryOptions } from './get-job';
import { generationJobsKey } from '@/api/get-generation-jobs';

export function createJob(body: CreateJobBody): Promise<GenerationJob> {
  return api.post<GenerationJob>('/generation-jobs', body);
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: (job) => {
      // The 202 answer is the job as it stands: its card shows at once, without a second request.
      queryClient.setQueryData(jobQueryOptions(job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: generationJobsKey });
    },
  });
}
