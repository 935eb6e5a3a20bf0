import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { contentItemQueryOptions } from '@/api/get-content-item';
import { similarContentQueryOptions } from './get-similar-content';

export function deleteContentItem(id: number): Promise<void> {
  return api.delete<void>(`/content/${id}`);
}

export function useDeleteContentItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteContentItem(id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: contentItemQueryOptions(id).queryKey });
      queryClient.removeQueries({ queryKey: similarContentQueryOptions(id).queryKey });
      // The item may sit in any list of any page (gallery, dashboard, a tag's content, similar items
      // of other items, counts), whose keys belong to other features: everything is marked stale and
      // what is on screen refetches. Only the visible queries refetch, so this stays cheap.
      await queryClient.invalidateQueries();
    },
  });
}
