// Reads of route_analytics_hourly for the admin analytics. Percentiles over many hours are computed by
// the service from the merged duration histograms these queries return.
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface RouteTotalsRow {
  route: string;
  method: string;
  requests: number;
  status_2xx: number;
  status_3xx: number;
  status_4xx: number;
  status_5xx: number;
  total_ms: number;
}

const methodFilter = (method: string | undefined) => (method ? sql`AND method = ${method}` : sql``);

export async function routeTotals(db: Database, since: Date, method?: string): Promise<RouteTotalsRow[]> {
  const { rows } = await sql<RouteTotalsRow>`
    SELECT route, method, sum(requests) AS requests, sum(status_2xx) AS status_2xx,
      sum(status_3xx) AS status_3xx, sum(status_4xx) AS status_4xx, sum(status_5xx) AS status_5xx,
      sum(total_ms) AS total_ms
    FROM route_analytics_hourly WHERE hour >= ${since} ${methodFilter(method)}
    GROUP BY route, method`.execute(db);
  return rows;
}

/** Histogram buckets summed per route and method over the range. */
export async function routeHistograms(
  db: Database,
  since: Date,
  method?: string,
): Promise<{ route: string; method: string; bucket: string; n: number }[]> {
  const { rows } = await sql<{ route: string; method: string; bucket: string; n: number }>`
    SELECT r.route, r.method, b.key AS bucket, sum(b.value::bigint) AS n
    FROM route_analytics_hourly r CROSS JOIN LATERAL jsonb_each_text(r.histogram) b
    WHERE r.hour >= ${since} ${method ? sql`AND r.method = ${method}` : sql``}
    GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/** Distinct signed-in callers per route over the whole range (not a sum of hourly counts). */
export async function routeUniqueUsers(
  db: Database,
  since: Date,
  method?: string,
): Promise<{ route: string; method: string; users: number }[]> {
  const { rows } = await sql<{ route: string; method: string; users: number }>`
    SELECT route, method, count(DISTINCT user_id) AS users
    FROM route_analytics_users WHERE hour >= ${since} ${methodFilter(method)}
    GROUP BY route, method`.execute(db);
  return rows;
}

export interface RouteHourRow {
  hour: Date;
  route: string;
  method: string;
  requests: number;
  status_5xx: number;
  histogram: unknown;
}

export async function routeHours(
  db: Database,
  since: Date,
  keys: { route: string; method: string }[],
): Promise<RouteHourRow[]> {
  if (keys.length === 0) return [];
  const tuples = keys.map((k) => sql`(${k.route}::text, ${k.method}::text)`);
  const { rows } = await sql<RouteHourRow>`
    SELECT hour, route, method, requests, status_5xx, histogram
    FROM route_analytics_hourly
    WHERE hour >= ${since} AND (route, method) IN (${sql.join(tuples)})
    ORDER BY hour`.execute(db);
  return rows;
}

export async function routeMethods(db: Database, since: Date, route: string): Promise<string[]> {
  const rows = await db
    .selectFrom('route_analytics_hourly')
    .select('method')
    .distinct()
    .where('hour', '>=', since)
    .where('route', '=', route)
    .orderBy('method')
    .execute();
  return rows.map((r) => r.method);
}

export async function peakHours(
  db: Database,
  since: Date,
): Promise<{ weekday: number; hour: number; requests: number }[]> {
  const { rows } = await sql<{ weekday: number; hour: number; requests: number }>`
    SELECT extract(dow FROM hour AT TIME ZONE 'UTC')::int AS weekday,
      extract(hour FROM hour AT TIME ZONE 'UTC')::int AS hour, sum(requests) AS requests
    FROM route_analytics_hourly WHERE hour >= ${since}
    GROUP BY 1, 2`.execute(db);
  return rows;
}
