// The page's tab and range live in the URL (`?tab=generation&days=30`), so reload, back/forward and
// shared links keep them. Unknown values fall back to the defaults rather than asking the API for them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const ANALYTICS_TABS = ['routes', 'generation', 'tags'] as const;
export type AnalyticsTab = (typeof ANALYTICS_TABS)[number];
export const RANGE_DAYS = [1, 7, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export interface TrendRoute {
  route: string;
  method: (typeof METHODS)[number];
}

const DEFAULT_TAB: AnalyticsTab = 'routes';
const DEFAULT_DAYS: RangeDays = 7;

export function useAnalyticsParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawTab = searchParams.get('tab');
  const tab = ANALYTICS_TABS.find((t) => t === rawTab) ?? DEFAULT_TAB;
  const rawDays = Number(searchParams.get('days'));
  const days = RANGE_DAYS.find((d) => d === rawDays) ?? DEFAULT_DAYS;

  const set = useCallback(
    (key: string, value: string, fallback: string) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (value === fallback) params.delete(key);
        else params.set(key, value);
        return params;
      }),
    [setSearchParams],
  );
  const setTab = useCallback((next: AnalyticsTab) => set('tab', next, DEFAULT_TAB), [set]);
  const setDays = useCallback((next: RangeDays) => set('days', String(next), String(DEFAULT_DAYS)), [set]);

  // The route whose trend is shown (`?route=/api/v1/content&method=GET`); none: the top routes.
  const route = searchParams.get('route');
  const method = METHODS.find((m) => m === searchParams.get('method'));
  const trendRoute: TrendRoute | null = route && method ? { route, method } : null;
  const setTrendRoute = useCallback(
    (next: TrendRoute | null) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (next) {
          params.set('route', next.route);
          params.set('method', next.method);
        } else {
          params.delete('route');
          params.delete('method');
        }
        return params;
      }),
    [setSearchParams],
  );
  return { tab, days, setTab, setDays, trendRoute, setTrendRoute };
}
