import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { jobQueryOptions } from './get-job';
import { generationJobsKey } from '@/api/get-generation-jobs';

/** Removes the job record; its images stay in the gallery. */
export function deleteJob(id: number): Promise<void> {
  return api.delete<void>(`/generation-jobs/${id}`);
}

export function useDeleteJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteJob,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: jobQueryOptions(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: generationJobsKey });
    },
  });
}
