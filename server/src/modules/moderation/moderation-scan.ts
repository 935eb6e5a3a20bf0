// The rescan of all content (POST /admin/flagged-content/scan): a background job that walks content_items
// in id order, a batch at a time, against the current word list. Progress lives in Redis so the API can
// show it while the worker runs; a lock key makes it one scan at a time and expires if the worker dies.
import type { ScanProgress } from '@genonaut/contracts';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database';
import { defineJob } from '../../jobs/job-definition';
import { flagChecker } from './flag-check';
import { listFlagWords, recordVerdicts } from './moderation-screen.repository';

export const SCAN_JOB = 'moderation-scan';
/** Large enough to keep a 1M-item scan to a few hundred round trips, small enough for short transactions. */
export const SCAN_BATCH = 2_000;
/** Renewed every batch; a scan whose worker died frees the slot after this long. */
const LOCK_TTL_SECONDS = 600;

const keys = (prefix: string) => ({
  progress: `${prefix}:moderation:scan`,
  lock: `${prefix}:moderation:scan:lock`,
});

const idle: ScanProgress = {
  state: 'idle',
  processed: 0,
  total: 0,
  flagged: 0,
  startedAt: null,
  finishedAt: null,
  error: null,
};

async function writeProgress(redis: Redis, prefix: string, progress: Partial<ScanProgress>): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(progress)) fields[key] = value === null ? '' : String(value);
  await redis.hset(keys(prefix).progress, fields);
}

export async function readScanProgress(redis: Redis, prefix: string): Promise<ScanProgress> {
  const [stored, locked] = await Promise.all([
    redis.hgetall(keys(prefix).progress),
    redis.exists(keys(prefix).lock),
  ]);
  if (!stored.state) return idle;
  const text = (v: string | undefined) => (v ? v : null);
  const progress: ScanProgress = {
    state: stored.state as ScanProgress['state'],
    processed: Number(stored.processed ?? 0),
    total: Number(stored.total ?? 0),
    flagged: Number(stored.flagged ?? 0),
    startedAt: text(stored.startedAt),
    finishedAt: text(stored.finishedAt),
    error: text(stored.error),
  };
  // Queued or running without the lock: the worker stopped (or never came) before finishing.
  if ((progress.state === 'queued' || progress.state === 'running') && locked === 0)
    return { ...progress, state: 'failed', error: 'interrupted: no worker finished the scan' };
  return progress;
}

/** Claims the single scan slot and marks it queued; false when a scan is already queued or running. */
export async function claimScan(redis: Redis, prefix: string): Promise<boolean> {
  const claimed = await redis.set(keys(prefix).lock, String(Date.now()), 'EX', LOCK_TTL_SECONDS, 'NX');
  if (claimed !== 'OK') return false;
  await redis.del(keys(prefix).progress);
  await writeProgress(redis, prefix, { ...idle, state: 'queued', startedAt: new Date().toISOString() });
  return true;
}

export async function releaseScan(redis: Redis, prefix: string): Promise<void> {
  await redis.del(keys(prefix).lock);
}

/** Rescans every item; `onBatch` reports progress after each committed batch. */
export async function rescanAll(
  db: Database,
  onBatch: (p: { processed: number; flagged: number }) => Promise<void>,
): Promise<{ processed: number; flagged: number }> {
  const check = flagChecker(await listFlagWords(db));
  let lastId = 0;
  let processed = 0;
  let flagged = 0;
  for (;;) {
    const batch = await db
      .selectFrom('content_items')
      .select(['id', 'title', 'prompt', 'moderation_status'])
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(SCAN_BATCH)
      .execute();
    const last = batch.at(-1);
    if (!last) break;
    flagged += await db.transaction().execute((trx) => recordVerdicts(trx, check, batch));
    processed += batch.length;
    lastId = last.id;
    await onBatch({ processed, flagged });
    if (batch.length < SCAN_BATCH) break;
  }
  return { processed, flagged };
}

export const moderationScanJob = defineJob({
  name: SCAN_JOB,
  queue: 'moderation',
  description: 'Rescan every item’s title and prompt against the flag words (admin-started)',
  run: async (ctx) => {
    const prefix = ctx.config.redisKeyPrefix;
    const { lock } = keys(prefix);
    try {
      const { total } = await ctx.db
        .selectFrom('content_items')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      await ctx.redis.set(lock, String(Date.now()), 'EX', LOCK_TTL_SECONDS);
      await writeProgress(ctx.redis, prefix, {
        state: 'running',
        total: Number(total),
        processed: 0,
        flagged: 0,
      });
      const result = await rescanAll(ctx.db, async ({ processed, flagged }) => {
        await ctx.redis.expire(lock, LOCK_TTL_SECONDS);
        await writeProgress(ctx.redis, prefix, {
          processed,
          flagged,
          total: Math.max(Number(total), processed),
        });
      });
      await writeProgress(ctx.redis, prefix, { state: 'completed', finishedAt: new Date().toISOString() });
      return result;
    } catch (error) {
      await writeProgress(ctx.redis, prefix, {
        state: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date().toISOString(),
      });
      throw error;
    } finally {
      await ctx.redis.del(lock);
    }
  },
});
