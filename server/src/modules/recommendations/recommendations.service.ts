// Recommendations (SPEC §9.6): precomputed per user by the hourly job (or on demand), served from the
// table, and steered by feedback. A refresh replaces the list atomically; dismissed items never return.
import type { Redis } from 'ioredis';
import type {
  RecommendationFeedback,
  RecommendationFeedbackAction,
  RecommendationList,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { DomainError, notFound } from '../../errors';
import { hitLimit } from '../../lib/rate-limiter';
import type { AuthUser } from '../../plugins/auth';
import { createNotification } from '../notifications/notifications.service';
import { toFeedback, toNewRecommendation, toRecommendation } from './recommendations.mapper';
import {
  listedIds,
  listRecommendations,
  markNotified,
  recordFeedback,
  refreshStateOf,
  replaceList,
  tagRefs,
  titlesOf,
} from './recommendations.repository';
import { computeCandidates, type CandidateRow } from './recommender.repository';

export interface RecommendationDeps {
  db: Database;
  redis: Redis;
  /** config.redisKeyPrefix: rate-limit keys and realtime channels live under it. */
  prefix: string;
  hideThreshold: number;
  log?: { warn: (context: object, message: string) => void };
}

/** Items stored per user: the largest page GET /recommendations serves. */
export const LIST_SIZE = 100;
/** The top of the list whose newcomers are worth a notification. */
const TOP = 5;
const NOTIFY_EVERY_MS = 24 * 3_600_000;
/** Manual refreshes per user and window: each costs a scoring query, the list changes hourly anyway. */
export const REFRESH_LIMIT = { count: 5, windowSeconds: 60 };

async function withReasons(db: Database, rows: CandidateRow[]) {
  const [tags, titles] = await Promise.all([
    tagRefs(db, [...new Set(rows.flatMap((r) => r.tag_ids ?? []))]),
    titlesOf(db, [...new Set(rows.flatMap((r) => (r.seed_id === null ? [] : [r.seed_id])))]),
  ]);
  return rows.map((row) => toNewRecommendation(row, tags, titles));
}

/** Tells the user about new items at the top of their list, at most once a day and if they allow it. */
async function notifyNewTop(
  deps: RecommendationDeps,
  userId: string,
  before: number[],
  rows: CandidateRow[],
): Promise<boolean> {
  const known = new Set(before);
  const fresh = rows.slice(0, TOP).filter((r) => !known.has(r.content_id));
  const first = fresh[0];
  if (!first) return false;
  const state = await refreshStateOf(deps.db, userId);
  if (state?.notified_at && Date.now() - state.notified_at.getTime() < NOTIFY_EVERY_MS) return false;
  const created = await createNotification(deps, userId, {
    type: 'recommendation',
    title: 'New recommendations for you',
    message:
      fresh.length === 1
        ? `“${first.title}” is new among your top picks.`
        : `${fresh.length} new top picks, including “${first.title}”.`,
    relatedContentId: first.content_id,
  });
  if (!created) return false;
  await markNotified(deps.db, userId);
  return true;
}

/** Recomputes and stores one user's list (no notification); for seeds and scripts too. */
export async function recomputeList(db: Database, hideThreshold: number, userId: string) {
  const rows = await computeCandidates(db, userId, hideThreshold, LIST_SIZE);
  await replaceList(db, userId, await withReasons(db, rows));
  return rows;
}

/** Recomputes one user's list; with `notify`, new top items may create a notification. */
export async function refreshUserRecommendations(
  deps: RecommendationDeps,
  userId: string,
  opts: { notify: boolean },
): Promise<{ items: number; notified: boolean }> {
  const before = opts.notify ? await listedIds(deps.db, userId) : [];
  const rows = await recomputeList(deps.db, deps.hideThreshold, userId);
  const notified = opts.notify ? await notifyNewTop(deps, userId, before, rows) : false;
  return { items: rows.length, notified };
}

/** The list and when it was computed (null: never); one query unless the list is empty. */
async function readList(deps: RecommendationDeps, userId: string, limit: number) {
  const rows = await listRecommendations(deps.db, userId, deps.hideThreshold, limit);
  const computedAt = rows[0]?.computed_at ?? (await refreshStateOf(deps.db, userId))?.refreshed_at ?? null;
  return { rows, computedAt };
}

/** The caller's list; the first read of a user who has never had one computes it on the spot. */
export async function getRecommendations(
  deps: RecommendationDeps,
  caller: AuthUser,
  limit = 20,
): Promise<RecommendationList> {
  let list = await readList(deps, caller.id, limit);
  if (!list.computedAt) {
    await refreshUserRecommendations(deps, caller.id, { notify: false });
    list = await readList(deps, caller.id, limit);
  }
  return { items: list.rows.map(toRecommendation), computedAt: list.computedAt?.toISOString() ?? null };
}

export async function refreshNow(
  deps: RecommendationDeps,
  caller: AuthUser,
  limit = 20,
): Promise<RecommendationList> {
  let allowed = true;
  let retryAfter = 0;
  try {
    const result = await hitLimit(
      deps.redis,
      `${deps.prefix}:rl:recommendations-refresh:${caller.id}`,
      REFRESH_LIMIT.count,
      REFRESH_LIMIT.windowSeconds,
    );
    allowed = result.allowed;
    retryAfter = result.retryAfterSeconds;
  } catch (error) {
    // Like the general limit: a Redis outage must not stop a user from refreshing their own list.
    deps.log?.warn({ err: error }, 'recommendation refresh limit not checked');
  }
  if (!allowed)
    throw new DomainError(
      'rate_limited',
      `Your recommendations were refreshed a moment ago; try again in ${retryAfter} s`,
      undefined,
      retryAfter,
    );
  await refreshUserRecommendations(deps, caller.id, { notify: false });
  return getRecommendations(deps, caller, limit);
}

export async function sendFeedback(
  db: Database,
  caller: AuthUser,
  contentId: number,
  action: RecommendationFeedbackAction,
): Promise<RecommendationFeedback> {
  const row = await recordFeedback(db, caller.id, contentId, action);
  if (!row) throw notFound('Recommendation');
  return toFeedback(row);
}
