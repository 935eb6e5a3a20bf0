import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The signals the API records; only views may come from anonymous visitors. */
export type InteractionType = 'view' | 'like' | 'download' | 'share';

export function recordInteraction(id: number, type: InteractionType): Promise<void> {
  return api.post<void>(`/content/${id}/interactions`, { type });
}

/**
 * Fire-and-forget: an analytics signal that fails must not bother the person looking at the image,
 * so errors are swallowed here rather than shown.
 */
export function useRecordInteraction() {
  return useMutation({
    mutationFn: ({ id, type }: { id: number; type: InteractionType }) => recordInteraction(id, type),
    onError: () => undefined,
  });
}
