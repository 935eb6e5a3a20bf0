// SQL of the route-analytics rollup: merge a batch of per-hour aggregates into route_analytics_hourly
// and move the checkpoint, in the caller's transaction (the rollup holds an advisory lock around it, so
// the read-merge-write below has no concurrent writer).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { histogramPercentile, mergeHistogram, toHistogram, type Histogram } from './duration-histogram';

type Trx = Transaction<DB>;

/** What one batch of stream entries adds to one (hour, route, method). */
export interface RouteHourDelta {
  hour: Date;
  route: string;
  method: string;
  requests: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
  totalMs: number;
  histogram: Histogram;
  users: Set<string>;
}

/** Blocks until no other rollup of the stream holds the lock; released when the transaction ends. */
export async function lockRouteRollup(trx: Trx, name: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}

export async function readCheckpoint(trx: Trx, name: string): Promise<string | null> {
  const row = await trx
    .selectFrom('rollup_checkpoints')
    .select('last_id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.last_id ?? null;
}

export async function writeCheckpoint(trx: Trx, name: string, lastId: string): Promise<void> {
  await trx
    .insertInto('rollup_checkpoints')
    .values({ name, last_id: lastId })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: lastId, updated_at: sql`now()` }))
    .execute();
}

const keyOf = (hour: Date, route: string, method: string) => `${hour.toISOString()}|${method}|${route}`;

export async function applyRouteDeltas(trx: Trx, deltas: RouteHourDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const existing = await trx
    .selectFrom('route_analytics_hourly')
    .selectAll()
    .where(
      'hour',
      'in',
      [...new Set(deltas.map((d) => d.hour.getTime()))].map((ms) => new Date(ms)),
    )
    .where('route', 'in', [...new Set(deltas.map((d) => d.route))])
    .execute();
  const byKey = new Map(existing.map((row) => [keyOf(row.hour, row.route, row.method), row]));

  const rows = deltas.map((d) => {
    const old = byKey.get(keyOf(d.hour, d.route, d.method));
    const histogram = mergeHistogram(toHistogram(old?.histogram), d.histogram);
    return {
      hour: d.hour,
      route: d.route,
      method: d.method,
      requests: (old?.requests ?? 0) + d.requests,
      status_2xx: (old?.status_2xx ?? 0) + d.status2xx,
      status_3xx: (old?.status_3xx ?? 0) + d.status3xx,
      status_4xx: (old?.status_4xx ?? 0) + d.status4xx,
      status_5xx: (old?.status_5xx ?? 0) + d.status5xx,
      total_ms: (old?.total_ms ?? 0) + d.totalMs,
      histogram: JSON.stringify(histogram),
      p50_ms: histogramPercentile(histogram, 50),
      p95_ms: histogramPercentile(histogram, 95),
      p99_ms: histogramPercentile(histogram, 99),
      unique_users: old?.unique_users ?? 0,
    };
  });
  await trx
    .insertInto('route_analytics_hourly')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['hour', 'route', 'method']).doUpdateSet((eb) => ({
        requests: eb.ref('excluded.requests'),
        status_2xx: eb.ref('excluded.status_2xx'),
        status_3xx: eb.ref('excluded.status_3xx'),
        status_4xx: eb.ref('excluded.status_4xx'),
        status_5xx: eb.ref('excluded.status_5xx'),
        total_ms: eb.ref('excluded.total_ms'),
        histogram: eb.ref('excluded.histogram'),
        p50_ms: eb.ref('excluded.p50_ms'),
        p95_ms: eb.ref('excluded.p95_ms'),
        p99_ms: eb.ref('excluded.p99_ms'),
        updated_at: sql`now()`,
      })),
    )
    .execute();

  const withUsers = deltas.filter((d) => d.users.size > 0);
  if (withUsers.length === 0) return;
  await trx
    .insertInto('route_analytics_users')
    .values(
      withUsers.flatMap((d) =>
        [...d.users].map((userId) => ({ hour: d.hour, route: d.route, method: d.method, user_id: userId })),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const keys = withUsers.map((d) => sql`(${d.hour}::timestamptz, ${d.route}::text, ${d.method}::text)`);
  await sql`
    UPDATE route_analytics_hourly h
    SET unique_users = (
      SELECT count(*) FROM route_analytics_users u
      WHERE u.hour = h.hour AND u.route = h.route AND u.method = h.method
    )
    WHERE (h.hour, h.route, h.method) IN (${sql.join(keys)})
  `.execute(trx);
}
