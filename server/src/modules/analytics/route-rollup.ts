// rollup-route-analytics: the request stream → route_analytics_hourly, counting every entry exactly once.
//
// - A consumer group hands each entry to one consumer; entries stay pending until XACK.
// - Each batch is applied under a PostgreSQL advisory lock, and the batch's highest stream id is written
//   to rollup_checkpoints in the SAME transaction as the rows. Entries at or below the checkpoint are
//   known to be applied: if a rollup dies after COMMIT but before XACK, the next one finds them pending,
//   sees they are not above the checkpoint, and only acknowledges them.
// - Because of the lock, batches are applied in stream-id order: pending entries of a dead consumer are
//   claimed (XAUTOCLAIM, once idle for claimIdleMs) before any new entry is read, and while a pending
//   entry above the checkpoint cannot be claimed yet, no new entries are read at all (the checkpoint must
//   never pass an entry that has not been applied).
// - Acknowledged entries are deleted from the stream (XDEL), so it holds only work still to do.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database';
import { bucketOf } from './duration-histogram';
import { compareStreamIds, decodeEntry, ROLLUP_GROUP, type RequestRecord } from './request-stream';
import {
  applyRouteDeltas,
  lockRouteRollup,
  readCheckpoint,
  writeCheckpoint,
  type RouteHourDelta,
} from './route-rollup.repository';

/** The checkpoint belongs to the stream (its ids mean nothing to another one). */
export const routeCheckpointName = (streamKey: string) => `route-analytics:${streamKey}`;

type StreamEntry = [id: string, fields: string[]];

export interface RouteRollupOptions {
  db: Database;
  redis: Redis;
  streamKey: string;
  /** How long an entry must sit unacknowledged before another consumer takes it over. */
  claimIdleMs?: number;
  batchSize?: number;
  /** A run stops after this many batches; the next run continues. */
  maxBatches?: number;
  /** Test seams: after a batch is read, and after it is committed (before XACK). */
  afterRead?: (ids: string[]) => Promise<void>;
  afterCommit?: (ids: string[]) => Promise<void>;
}

export interface RouteRollupResult {
  applied: number;
  skipped: number;
  acknowledged: number;
  batches: number;
  /** A pending entry of another consumer was not idle long enough to claim; new entries waited. */
  waitingForPending: boolean;
}

async function ensureGroup(redis: Redis, key: string): Promise<void> {
  try {
    // From the start of the stream: entries written before the first rollup count too.
    await redis.xgroup('CREATE', key, ROLLUP_GROUP, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('BUSYGROUP')) throw error;
  }
}

const hourOf = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000);

/** Sums a batch per (hour, route, method); records that do not decode are counted as skipped. */
export function aggregateEntries(entries: StreamEntry[]): {
  deltas: RouteHourDelta[];
  records: number;
  skipped: number;
} {
  const groups = new Map<string, RouteHourDelta>();
  let skipped = 0;
  let count = 0;
  for (const [, fields] of entries) {
    const { records, malformed } = decodeEntry(fields);
    skipped += malformed;
    count += records.length;
    for (const record of records) addRecord(groups, record);
  }
  return { deltas: [...groups.values()], records: count, skipped };
}

function addRecord(groups: Map<string, RouteHourDelta>, record: RequestRecord): void {
  const hour = hourOf(record.at);
  const key = `${hour.getTime()}|${record.method}|${record.route}`;
  let group = groups.get(key);
  if (!group) {
    group = {
      hour,
      route: record.route,
      method: record.method,
      requests: 0,
      status2xx: 0,
      status3xx: 0,
      status4xx: 0,
      status5xx: 0,
      totalMs: 0,
      histogram: {},
      users: new Set(),
    };
    groups.set(key, group);
  }
  group.requests += 1;
  const statusClass = Math.floor(record.status / 100);
  if (statusClass === 2) group.status2xx += 1;
  else if (statusClass === 3) group.status3xx += 1;
  else if (statusClass === 4) group.status4xx += 1;
  else if (statusClass === 5) group.status5xx += 1;
  group.totalMs += record.durationMs;
  const bucket = bucketOf(record.durationMs);
  group.histogram[bucket] = (group.histogram[bucket] ?? 0) + 1;
  if (record.userId) group.users.add(record.userId);
}

interface Batch {
  entries: StreamEntry[];
  /** Ids to acknowledge after commit: everything read plus others' entries already applied. */
  ackIds: string[];
  waiting: boolean;
  more: boolean;
}

async function readBatch(
  redis: Redis,
  key: string,
  consumer: string,
  checkpoint: string | null,
  claimIdleMs: number,
  batchSize: number,
): Promise<Batch> {
  const isApplied = (id: string) => checkpoint !== null && compareStreamIds(id, checkpoint) <= 0;
  const [, claimed] = (await redis.xautoclaim(
    key,
    ROLLUP_GROUP,
    consumer,
    claimIdleMs,
    '0-0',
    'COUNT',
    batchSize,
  )) as [string, (StreamEntry | null)[]];
  const entries = claimed.filter((e): e is StreamEntry => e !== null);
  const pending = (await redis.xpending(key, ROLLUP_GROUP, '-', '+', 10_000)) as [
    string,
    string,
    number,
    number,
  ][];
  const othersApplied = pending
    .filter(([id, owner]) => owner !== consumer && isApplied(id))
    .map(([id]) => id);
  const othersOpen = pending.filter(([id, owner]) => owner !== consumer && !isApplied(id));
  // Not idle long enough to take over: maybe a consumer that only just died. New entries must wait.
  const waiting = othersOpen.some(([, , idle]) => idle < claimIdleMs);
  // Claimable but beyond this batch: the next batch takes them, still before any new entry.
  const more = othersOpen.length > 0 && !waiting;
  if (othersOpen.length === 0 && entries.length < batchSize) {
    const read = (await redis.xreadgroup(
      'GROUP',
      ROLLUP_GROUP,
      consumer,
      'COUNT',
      batchSize - entries.length,
      'STREAMS',
      key,
      '>',
    )) as [string, StreamEntry[]][] | null;
    entries.push(...(read?.[0]?.[1] ?? []));
  }
  return { entries, ackIds: [...entries.map(([id]) => id), ...othersApplied], waiting, more };
}

export async function runRouteRollup(options: RouteRollupOptions): Promise<RouteRollupResult> {
  const { db, redis, streamKey } = options;
  const batchSize = options.batchSize ?? 5_000;
  const checkpointName = routeCheckpointName(streamKey);
  const consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const result: RouteRollupResult = {
    applied: 0,
    skipped: 0,
    acknowledged: 0,
    batches: 0,
    waitingForPending: false,
  };
  await ensureGroup(redis, streamKey);
  try {
    while (result.batches < (options.maxBatches ?? 100)) {
      const batch = await db.transaction().execute(async (trx) => {
        await lockRouteRollup(trx, checkpointName);
        const checkpoint = await readCheckpoint(trx, checkpointName);
        const read = await readBatch(
          redis,
          streamKey,
          consumer,
          checkpoint,
          options.claimIdleMs ?? 60_000,
          batchSize,
        );
        await options.afterRead?.(read.entries.map(([id]) => id));
        const fresh = read.entries.filter(
          ([id]) => checkpoint === null || compareStreamIds(id, checkpoint) > 0,
        );
        const { deltas, records, skipped } = aggregateEntries(fresh);
        await applyRouteDeltas(trx, deltas);
        const last = read.entries
          .map(([id]) => id)
          .sort(compareStreamIds)
          .at(-1);
        if (last && (checkpoint === null || compareStreamIds(last, checkpoint) > 0))
          await writeCheckpoint(trx, checkpointName, last);
        result.applied += records;
        result.skipped += skipped;
        return read;
      });
      await options.afterCommit?.(batch.ackIds);
      if (batch.ackIds.length > 0) {
        result.acknowledged += await redis.xack(streamKey, ROLLUP_GROUP, ...batch.ackIds);
        await redis.xdel(streamKey, ...batch.ackIds);
      }
      result.batches += 1;
      result.waitingForPending = batch.waiting;
      if (batch.waiting || (!batch.more && batch.entries.length < batchSize)) break;
    }
  } finally {
    // Each run is its own consumer; one left with nothing pending is only clutter in XINFO. One that
    // still holds entries (the run failed) stays, so a later run can claim them.
    const held = (await redis
      .xpending(streamKey, ROLLUP_GROUP, '-', '+', 1, consumer)
      .catch(() => [null])) as unknown[];
    if (held.length === 0)
      await redis.xgroup('DELCONSUMER', streamKey, ROLLUP_GROUP, consumer).catch(() => 0);
  }
  return result;
}
