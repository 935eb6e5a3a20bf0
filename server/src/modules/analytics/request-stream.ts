// The route-analytics stream: entries of batched request records, written by the analytics plugin and
// consumed by the rollup-route-analytics job.

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

/**
 * XADD field/value arguments of a batch: one stream entry carries many records, one per line
 * (route, method, status, duration, user, time; tab-separated). One XADD per record would cost more on
 * the API's event loop than the request it describes (ioredis builds a command object per call).
 */
export function encodeBatch(records: RequestRecord[]): string[] {
  const lines = records.map(
    (r) =>
      `${r.route}\t${r.method}\t${r.status}\t${Math.round(r.durationMs * 10) / 10}\t${r.userId ?? ''}\t${r.at}`,
  );
  return ['n', String(records.length), 'b', lines.join('\n')];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeLine(line: string): RequestRecord | null {
  const [route, method, rawStatus, rawDuration, user, rawAt] = line.split('\t');
  const status = Number(rawStatus);
  const durationMs = Number(rawDuration);
  const at = Number(rawAt);
  if (!route || route.length > 500 || !method || !RECORDED_METHODS.has(method)) return null;
  if (!Number.isInteger(status) || status < 100 || status > 599) return null;
  if (!Number.isFinite(durationMs) || durationMs < 0 || !Number.isFinite(at) || at <= 0) return null;
  return { route, method, status, durationMs, userId: user && uuidPattern.test(user) ? user : null, at };
}

/**
 * A stream entry back as records. Lines (or whole entries) that do not decode, hand-written or from
 * another version, are counted as malformed, acknowledged and skipped rather than stalling the rollup.
 */
export function decodeEntry(fields: string[]): { records: RequestRecord[]; malformed: number } {
  let body: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'b') body = fields[i + 1];
  if (body === undefined) return { records: [], malformed: 1 };
  const records: RequestRecord[] = [];
  let malformed = 0;
  for (const line of body.split('\n')) {
    const record = decodeLine(line);
    if (record) records.push(record);
    else malformed += 1;
  }
  return { records, malformed };
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
