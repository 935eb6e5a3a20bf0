// Reading tags (lists, hierarchy, popularity, a tag's page) and each user's rating and favourite.
import type {
  AutocompleteQuery,
  PopularTags,
  PopularTagsQuery,
  RelatedTags,
  TagDepthList,
  TagDetail,
  TagFavoriteResponse,
  TagHierarchy,
  TagListQuery,
  TagPage,
  TagRatingResponse,
  TagSuggestions,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { resolveTagRefs } from './tag-tree.repository';
import { addFavorite, deleteRating, removeFavorite, upsertRating } from './tag-writes.repository';
import { toAncestorPaths, toTag, toTagCounts, toTagDetail, toTagRef } from './tags.mapper';
import {
  ancestorPaths,
  autocomplete,
  childrenOf,
  findTag,
  hierarchy,
  listTags as listTagRows,
  parentsOf,
  popularTags,
  ratingSummary,
  relatedTags,
  relatives,
  statsOf,
  tagRefs,
  type TagRow,
  viewerState,
  visibleItemCount,
} from './tags.repository';
import { numberedPagination } from '../../lib/numbered-page';

export interface TagReadDeps {
  db: Database;
  /** Items flagged above this risk and not yet approved are hidden from other users, as in the gallery. */
  hideThreshold: number;
}

/** The live visible count stops here: a tag on a million items must not make its page slow. */
const VISIBLE_COUNT_CAP = 10_000;
/** Related tags look at this many of the tag's most recent public items. */
const RELATED_SAMPLE = 5_000;

export async function requireTag(db: Database, id: string): Promise<TagRow> {
  const row = await findTag(db, id);
  if (!row) throw notFound('Tag');
  return row;
}

export async function listTags(db: Database, query: TagListQuery): Promise<TagPage> {
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const { rows, total } = await listTagRows(db, {
    q: query.q,
    sort: query.sort ?? 'name',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map(toTag),
    pagination: numberedPagination(page, pageSize, total),
  };
}

export async function getHierarchy(db: Database): Promise<TagHierarchy> {
  const rows = await hierarchy(db);
  return {
    nodes: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      parentIds: r.parent_ids,
      childCount: r.child_count,
      contentCount: Number(r.content_count),
    })),
    rootIds: rows.filter((r) => r.parent_ids.length === 0).map((r) => r.id),
  };
}

export async function getPopular(db: Database, query: PopularTagsQuery): Promise<PopularTags> {
  const source = query.source ?? 'all';
  const rows = await popularTags(db, source, query.limit ?? 20);
  const updatedAt = rows.reduce<Date | null>(
    (latest, r) => (latest && latest > r.updated_at ? latest : r.updated_at),
    null,
  );
  return {
    items: rows.map((r) => ({ ...toTagRef(r), contentCount: Number(r.content_count) })),
    source,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

export async function getSuggestions(db: Database, query: AutocompleteQuery): Promise<TagSuggestions> {
  const rows = await autocomplete(db, query.q, query.limit ?? 10);
  return { items: rows.map((r) => ({ ...toTagRef(r), contentCount: Number(r.content_count) })) };
}

export async function getTagDetail(
  deps: TagReadDeps,
  viewer: AuthUser | null,
  idOrSlug: string,
): Promise<TagDetail> {
  const { db } = deps;
  const id = (await resolveTagRefs(db, [idOrSlug])).found[0]?.id;
  const row = id ? await findTag(db, id) : undefined;
  if (!row) throw notFound('Tag');
  const [parents, children, paths, stats, visible, rating, state] = await Promise.all([
    parentsOf(db, row.id),
    childrenOf(db, row.id),
    ancestorPaths(db, row.id),
    statsOf(db, row.id),
    visibleItemCount(db, row.id, viewer, deps.hideThreshold, VISIBLE_COUNT_CAP),
    ratingSummary(db, row.id),
    viewer ? viewerState(db, viewer.id, row.id) : undefined,
  ]);
  const refs = await tagRefs(db, [...new Set(paths.flat())]);
  return toTagDetail(row, {
    parents,
    children,
    ancestorPaths: toAncestorPaths(paths, refs),
    counts: toTagCounts(stats, { count: visible, cap: VISIBLE_COUNT_CAP }),
    rating,
    viewer: state,
  });
}

export async function getRelatives(
  db: Database,
  id: string,
  direction: 'up' | 'down',
  maxDepth: number | undefined,
): Promise<TagDepthList> {
  await requireTag(db, id);
  const rows = await relatives(db, id, direction, maxDepth);
  return { items: rows.map((r) => ({ ...toTagRef(r), depth: r.depth })) };
}

export async function getRelated(deps: TagReadDeps, id: string, limit: number): Promise<RelatedTags> {
  await requireTag(deps.db, id);
  const rows = await relatedTags(deps.db, id, deps.hideThreshold, limit, RELATED_SAMPLE);
  return { items: rows.map((r) => ({ ...toTagRef(r), sharedCount: r.shared_count })) };
}

async function ratingAnswer(db: Database, tagId: string, rating: number | null): Promise<TagRatingResponse> {
  const summary = await ratingSummary(db, tagId);
  return {
    rating,
    ratingAvg: summary.rating_avg === null ? null : Number(summary.rating_avg),
    ratingCount: summary.rating_count,
  };
}

export async function rateTag(
  db: Database,
  caller: AuthUser,
  tagId: string,
  rating: number,
): Promise<TagRatingResponse> {
  await requireTag(db, tagId);
  await upsertRating(db, caller.id, tagId, rating);
  return ratingAnswer(db, tagId, rating);
}

export async function unrateTag(db: Database, caller: AuthUser, tagId: string): Promise<TagRatingResponse> {
  await requireTag(db, tagId);
  await deleteRating(db, caller.id, tagId);
  return ratingAnswer(db, tagId, null);
}

export async function setFavorite(
  db: Database,
  caller: AuthUser,
  tagId: string,
  isFavorite: boolean,
): Promise<TagFavoriteResponse> {
  await requireTag(db, tagId);
  if (isFavorite) await addFavorite(db, caller.id, tagId);
  else await removeFavorite(db, caller.id, tagId);
  return { isFavorite };
}
