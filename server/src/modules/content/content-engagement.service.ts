// Ratings, interaction signals and similar items. Each acts only on an item the caller may see; for
// anyone else the item does not exist (404).
import type { ContentList, RatingResponse } from '@genonaut/contracts';
import { DomainError, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import {
  deleteRating,
  insertInteraction,
  ratingState,
  similarContentIds,
  upsertRating,
  type InteractionType,
} from './content-engagement.repository';
import { findVisibleRef } from './content-items.repository';
import type { ContentReadDeps } from './content-items.service';
import { toContentSummary } from './content.mapper';
import { contentFrom, selectSummary } from './content.repository';

async function assertVisible(deps: ContentReadDeps, viewer: AuthUser | null, id: number): Promise<void> {
  if (!(await findVisibleRef(deps.db, id, viewer, deps.hideThreshold))) throw notFound('Content');
}

async function ratingResponse(deps: ContentReadDeps, userId: string, id: number): Promise<RatingResponse> {
  const state = await ratingState(deps.db, userId, id);
  // Deleted between the write and this read.
  if (!state) throw notFound('Content');
  return {
    rating: state.rating ?? null,
    ratingAvg: Math.round(state.rating_avg * 100) / 100,
    ratingCount: state.rating_count,
  };
}

export async function rateContent(
  deps: ContentReadDeps,
  caller: AuthUser,
  id: number,
  rating: number,
): Promise<RatingResponse> {
  await assertVisible(deps, caller, id);
  await upsertRating(deps.db, caller.id, id, rating);
  return ratingResponse(deps, caller.id, id);
}

export async function unrateContent(deps: ContentReadDeps, caller: AuthUser, id: number) {
  await assertVisible(deps, caller, id);
  await deleteRating(deps.db, caller.id, id);
  return ratingResponse(deps, caller.id, id);
}

/**
 * Views are counted for anonymous visitors too (with no user): they feed popularity. Likes, downloads
 * and shares are attributed signals for recommendations, so they need a signed-in user — which also
 * keeps anonymous scripts from inflating them.
 */
export async function recordInteraction(
  deps: ContentReadDeps,
  viewer: AuthUser | null,
  id: number,
  type: InteractionType,
): Promise<void> {
  if (!viewer && type !== 'view') {
    throw new DomainError(
      'unauthenticated',
      `Sign in to record a ${type}; only views are counted anonymously`,
    );
  }
  await assertVisible(deps, viewer, id);
  await insertInteraction(deps.db, { userId: viewer?.id ?? null, contentId: id, type });
}

export async function similarContent(
  deps: ContentReadDeps,
  viewer: AuthUser | null,
  id: number,
  limit: number,
): Promise<ContentList> {
  await assertVisible(deps, viewer, id);
  const ids = await similarContentIds(deps.db, id, viewer, deps.hideThreshold, limit);
  if (ids.length === 0) return { items: [] };
  const rows = await selectSummary(contentFrom(deps.db), viewer?.id ?? null)
    .where('c.id', 'in', ids)
    .execute();
  const rank = new Map(ids.map((itemId, i) => [itemId, i]));
  rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return { items: rows.map((row) => toContentSummary(row, viewer !== null)) };
}
