// Route analytics for admins: the cache-priority ranking, trends and peak hours.
//
// Cache priority score = requests × p95 (in seconds) × weight, weight 1 for GET/HEAD and 0.1 for
// writes. It estimates the tail time a response cache could save: a route asked often AND slow at p95
// ranks first; writes stay visible but low, since a cache serves only reads.
import type {
  PeakHours,
  PeakHoursQuery,
  RouteRanking,
  RouteRankingQuery,
  RouteStats,
  RouteTrends,
  RouteTrendsQuery,
  RouteTrendSeries,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { histogramPercentile, mergeHistogram, toHistogram, type Histogram } from './duration-histogram';
import { bucketOfTime, bucketStarts, intervalFor, rangeStart, rate, roundMs } from './analytics-time';
import {
  peakHours,
  routeHistograms,
  routeHours,
  routeMethods,
  routeTotals,
  routeUniqueUsers,
} from './route-analytics.repository';

const key = (route: string, method: string) => `${method} ${route}`;

export function cacheScore(method: string, requests: number, p95Ms: number | null): number {
  const weight = method === 'GET' || method === 'HEAD' ? 1 : 0.1;
  return Math.round(requests * ((p95Ms ?? 0) / 1000) * weight * 10) / 10;
}

async function rankedRoutes(db: Database, since: Date, method?: string): Promise<RouteStats[]> {
  const [totals, buckets, users] = await Promise.all([
    routeTotals(db, since, method),
    routeHistograms(db, since, method),
    routeUniqueUsers(db, since, method),
  ]);
  const histograms = new Map<string, Histogram>();
  for (const b of buckets) {
    const h = histograms.get(key(b.route, b.method)) ?? {};
    mergeHistogram(h, toHistogram({ [b.bucket]: Number(b.n) }));
    histograms.set(key(b.route, b.method), h);
  }
  const usersOf = new Map(users.map((u) => [key(u.route, u.method), Number(u.users)]));
  const items = totals.map((t): RouteStats => {
    const histogram = histograms.get(key(t.route, t.method)) ?? {};
    const requests = Number(t.requests);
    const p95Ms = histogramPercentile(histogram, 95);
    return {
      route: t.route,
      method: t.method,
      requests,
      status2xx: Number(t.status_2xx),
      status3xx: Number(t.status_3xx),
      status4xx: Number(t.status_4xx),
      status5xx: Number(t.status_5xx),
      errorRate: rate(Number(t.status_5xx), requests) ?? 0,
      avgMs: requests > 0 ? roundMs(Number(t.total_ms) / requests) : null,
      p50Ms: histogramPercentile(histogram, 50),
      p95Ms,
      p99Ms: histogramPercentile(histogram, 99),
      uniqueUsers: usersOf.get(key(t.route, t.method)) ?? 0,
      cacheScore: cacheScore(t.method, requests, p95Ms),
    };
  });
  return items.sort(
    (a, b) =>
      b.cacheScore - a.cacheScore ||
      b.requests - a.requests ||
      key(a.route, a.method).localeCompare(key(b.route, b.method)),
  );
}

export async function getRouteRanking(db: Database, query: RouteRankingQuery): Promise<RouteRanking> {
  const days = query.days ?? 7;
  const items = await rankedRoutes(db, rangeStart(days), query.method);
  return { days, items: items.slice(0, query.limit ?? 25) };
}

export async function getRouteTrends(db: Database, query: RouteTrendsQuery): Promise<RouteTrends> {
  const days = query.days ?? 7;
  const interval = intervalFor(days, query.interval);
  const since = rangeStart(days);
  let keys: { route: string; method: string }[];
  if (query.route) {
    const methods = query.method ? [query.method] : await routeMethods(db, since, query.route);
    keys = methods.map((method) => ({ route: query.route ?? '', method }));
  } else {
    keys = (await rankedRoutes(db, since, query.method)).slice(0, query.top ?? 5);
  }
  const rows = await routeHours(
    db,
    since,
    keys.map(({ route, method }) => ({ route, method })),
  );
  const starts = bucketStarts(since, interval);
  const series = keys.map(({ route, method }): RouteTrendSeries => {
    const buckets = new Map<number, { requests: number; errors: number; histogram: Histogram }>();
    for (const row of rows) {
      if (row.route !== route || row.method !== method) continue;
      const at = bucketOfTime(row.hour, interval);
      const b = buckets.get(at) ?? { requests: 0, errors: 0, histogram: {} };
      b.requests += row.requests;
      b.errors += row.status_5xx;
      mergeHistogram(b.histogram, toHistogram(row.histogram));
      buckets.set(at, b);
    }
    return {
      route,
      method,
      points: starts.map((at) => {
        const b = buckets.get(at);
        return {
          at: new Date(at).toISOString(),
          requests: b?.requests ?? 0,
          errors: b?.errors ?? 0,
          p50Ms: b ? histogramPercentile(b.histogram, 50) : null,
          p95Ms: b ? histogramPercentile(b.histogram, 95) : null,
        };
      }),
    };
  });
  return { days, interval, series };
}

export async function getPeakHours(db: Database, query: PeakHoursQuery): Promise<PeakHours> {
  const days = query.days ?? 28;
  const rows = await peakHours(db, rangeStart(days));
  const volume = new Map(rows.map((r) => [`${r.weekday}:${r.hour}`, Number(r.requests)]));
  const cells = [];
  for (let weekday = 0; weekday < 7; weekday++)
    for (let hour = 0; hour < 24; hour++)
      cells.push({ weekday, hour, requests: volume.get(`${weekday}:${hour}`) ?? 0 });
  return { days, cells };
}
