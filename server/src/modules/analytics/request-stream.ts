// The route-analytics stream: one entry per API request, written by the analytics plugin and consumed by
// the rollup-route-analytics job. Field names are one letter: the stream holds up to a million entries.

/** Every request that matched no route is counted under this key, never under its raw path. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Methods route_analytics_hourly accepts (its CHECK); requests with others are not recorded. */
export const RECORDED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export const requestStreamKey = (redisKeyPrefix: string) => `${redisKeyPrefix}:analytics:requests`;
export const ROLLUP_GROUP = 'route-rollup';

export interface RequestRecord {
  /** The route template (`/api/v1/content/:id`) or UNMATCHED_ROUTE. */
  route: string;
  method: string;
  status: number;
  durationMs: number;
  userId: string | null;
  /** When the response finished (epoch ms). */
  at: number;
}

/** XADD field/value arguments of a record. */
export function encodeRecord(r: RequestRecord): string[] {
  return [
    'r',
    r.route,
    'm',
    r.method,
    's',
    String(r.status),
    'd',
    String(Math.round(r.durationMs * 10) / 10),
    'u',
    r.userId ?? '',
    't',
    String(r.at),
  ];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A stream entry back as a record, or null when it is not one (hand-written or from another version):
 * such entries are acknowledged and skipped rather than stalling the rollup.
 */
export function decodeRecord(id: string, fields: string[]): RequestRecord | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] ?? '', fields[i + 1] ?? '');
  const route = map.get('r');
  const method = map.get('m');
  const status = Number(map.get('s'));
  const durationMs = Number(map.get('d'));
  const at = Number(map.get('t') ?? id.split('-')[0]);
  if (!route || route.length > 500 || !method || !RECORDED_METHODS.has(method)) return null;
  if (!Number.isInteger(status) || status < 100 || status > 599) return null;
  if (!Number.isFinite(durationMs) || durationMs < 0 || !Number.isFinite(at) || at <= 0) return null;
  const user = map.get('u');
  return { route, method, status, durationMs, userId: user && uuidPattern.test(user) ? user : null, at };
}

/** Stream ids compare as (ms, seq) pairs, not as strings. */
export function compareStreamIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const byMs = BigInt(am) - BigInt(bm);
  if (byMs !== 0n) return byMs < 0n ? -1 : 1;
  const bySeq = BigInt(as) - BigInt(bs);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}
