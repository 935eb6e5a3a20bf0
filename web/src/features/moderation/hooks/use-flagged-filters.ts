import { useSearchParams } from 'react-router';
import type { FlaggedQuery, FlaggedSort } from '@genonaut/contracts';

export type StatusFilter = NonNullable<FlaggedQuery['status']>;
export type SourceFilter = NonNullable<FlaggedQuery['source']> | 'any';

export interface FlaggedFilters {
  status: StatusFilter;
  minRisk: number;
  maxRisk: number;
  source: SourceFilter;
  sort: FlaggedSort;
  page: number;
}

export const DEFAULT_FILTERS: FlaggedFilters = {
  status: 'pending',
  minRisk: 0,
  maxRisk: 100,
  source: 'any',
  sort: '-risk',
  page: 1,
};

const statuses: StatusFilter[] = ['pending', 'approved', 'all'];
const sources: SourceFilter[] = ['any', 'regular', 'auto'];
const sorts: FlaggedSort[] = ['-risk', 'risk', '-created', 'created'];

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

const riskParam = (value: string | null, fallback: number) => {
  const n = Number(value ?? '');
  return value !== null && Number.isFinite(n) && n >= 0 && n <= 100 ? n : fallback;
};

/** Reads the filters from the URL (bad values fall back to defaults), so links and back/forward restore them. */
export function parseFilters(params: URLSearchParams): FlaggedFilters {
  const page = Number(params.get('page') ?? '1');
  const min = riskParam(params.get('minRisk'), 0);
  const max = riskParam(params.get('maxRisk'), 100);
  return {
    status: oneOf(params.get('status'), statuses, 'pending'),
    minRisk: Math.min(min, max),
    maxRisk: Math.max(min, max),
    source: oneOf(params.get('source'), sources, 'any'),
    sort: oneOf(params.get('sort'), sorts, '-risk'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Only what differs from the defaults goes in the URL. */
export function filtersToParams(filters: FlaggedFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_FILTERS) as (keyof FlaggedFilters)[]) {
    if (filters[key] !== DEFAULT_FILTERS[key]) params.set(key, String(filters[key]));
  }
  return params;
}

/** The API query for the filters. */
export function toApiQuery(filters: FlaggedFilters): FlaggedQuery {
  return {
    status: filters.status,
    sort: filters.sort,
    page: filters.page,
    ...(filters.minRisk > 0 ? { minRisk: filters.minRisk } : {}),
    ...(filters.maxRisk < 100 ? { maxRisk: filters.maxRisk } : {}),
    ...(filters.source !== 'any' ? { source: filters.source } : {}),
  };
}

/** The queue's filters and page, kept in the URL. A filter change goes back to page 1. */
export function useFlaggedFilters() {
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const update = (changes: Partial<FlaggedFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    setParams(filtersToParams(next));
  };
  return { filters, update };
}
