import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A mutation that changes one cached query at once and puts the old value back if the API refuses.
 * `apply` is the change the user asked for; `settle` folds the API's answer in (what only the API
 * knows, such as averages over other users). The query key stays owned by the caller's api file.
 */
export function useOptimisticMutation<TData, TVariables, TAnswer>({
  queryKey,
  mutationFn,
  apply,
  settle,
}: {
  queryKey: QueryKey;
  mutationFn: (variables: TVariables) => Promise<TAnswer>;
  apply: (data: TData, variables: TVariables) => TData;
  settle: (data: TData, answer: TAnswer) => TData;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onMutate: async (variables) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<TData>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, apply(previous, variables));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (answer) => {
      queryClient.setQueryData<TData>(queryKey, (data) => data && settle(data, answer));
    },
  });
}
