import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from './state-message';

/**
 * One query's three states before its content: `loading` while pending, the API's error with a
 * retry, and `empty` when `isEmpty` says the answer holds nothing; otherwise `children(data)`.
 */
export function QueryStates<T>({
  query,
  loading,
  errorTestId,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loading: ReactNode;
  errorTestId?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return loading;
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} testId={errorTestId} />;
  }
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}
