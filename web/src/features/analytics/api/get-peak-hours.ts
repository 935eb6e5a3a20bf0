import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PeakHours, PeakHoursQuery } from '@genonaut/contracts';
import { api } from '@/lib/api-client';
import { analyticsKey } from './analytics-key';

export function getPeakHours(params: PeakHoursQuery, signal?: AbortSignal): Promise<PeakHours> {
  return api.get<PeakHours>('/analytics/routes/peak-hours', { query: { ...params }, signal });
}

export const peakHoursQueryOptions = (params: PeakHoursQuery) =>
  queryOptions({
    queryKey: [...analyticsKey, '/analytics/routes/peak-hours', params],
    queryFn: ({ signal }) => getPeakHours(params, signal),
  });

export function usePeakHours(params: PeakHoursQuery) {
  // The previous range's answer stays on screen while the next one loads.
  return useQuery({ ...peakHoursQueryOptions(params), placeholderData: keepPreviousData });
}
