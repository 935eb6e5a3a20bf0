import { useMutation } from '@tanstack/react-query';
import type { InteractionBody } from '@genonaut/contracts';
import { api } from '@/lib/api-client';

/** The signals the API records (`body.type`); only views may come from anonymous visitors. */
export function recordInteraction(id: number, body: InteractionBody): Promise<void> {
  return api.post<void>(`/content/${id}/interactions`, body);
}

/**
 * Fire-and-forget: an analytics signal that fails must not bother the person looking at the image,
 * so errors are swallowed here rather than shown.
 */
export function useRecordInteraction() {
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & InteractionBody) => recordInteraction(id, body),
    onError: () => undefined,
  });
}
