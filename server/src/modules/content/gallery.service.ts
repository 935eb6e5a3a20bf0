// GET /content: turns the gallery parameters (SPEC §4) into a filter and a page, and the rows into cards.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ContentStats, GalleryPage, GalleryQuery, GallerySourceScope } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { DomainError, invalid } from '../../errors';
import { resolveTagRefs, withDescendants } from '../tags/tag-tree.repository';
import { toContentSummary } from './content.mapper';
import { visibleTo, type Viewer } from './content-visibility';
import { decodeCursor, encodeCursor, sortSpecs, type Cursor } from './gallery-cursor';
import { galleryCount, galleryPage, type GalleryFilter, type GalleryRow } from './gallery.repository';
import { planTags, sizeGroups } from './gallery-tag-plan';
import { parseSearch, SearchSyntaxError } from './search/search-parser';
import { searchCondition } from './search/search-sql';

const allScopes: GallerySourceScope[] = ['mine-regular', 'mine-auto', 'community-regular', 'community-auto'];
const MAX_TAGS = 20;
const EXACT_COUNT_LIMIT = 10_000;

export function parseScopes(raw: string | undefined): GallerySourceScope[] {
  if (raw === undefined) return allScopes;
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !allScopes.includes(p as GallerySourceScope));
  if (unknown.length > 0)
    throw invalid(
      'query.sources',
      `unknown source ${unknown.map((u) => `"${u}"`).join(', ')} (use ${allScopes.join(', ')})`,
    );
  return [...new Set(parts)] as GallerySourceScope[];
}

/** The source switches as one condition; "mine" is relative to the caller, anonymous callers have none. */
function scopeCondition(scopes: GallerySourceScope[], viewer: Viewer | null): Expression<SqlBool> | null {
  const parts: Expression<SqlBool>[] = [];
  for (const source of ['regular', 'auto'] as const) {
    const mine = scopes.includes(`mine-${source}`) && viewer !== null;
    const community = scopes.includes(`community-${source}`);
    if (mine && community) parts.push(sql<SqlBool>`c.source = ${source}`);
    else if (mine) parts.push(sql<SqlBool>`(c.source = ${source} AND c.creator_id = ${viewer?.id ?? null})`);
    else if (community) {
      parts.push(
        viewer
          ? sql<SqlBool>`(c.source = ${source} AND c.creator_id <> ${viewer.id})`
          : sql<SqlBool>`c.source = ${source}`,
      );
    }
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** The tag filter as tag groups (a tag with its descendants; all tags in one group for tagMatch=any). */
async function tagGroups(db: Database, query: GalleryQuery): Promise<string[][]> {
  const refs = (query.tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (refs.length === 0) return [];
  if (refs.length > MAX_TAGS) throw invalid('query.tags', `at most ${MAX_TAGS} tags`);
  const { found, missing } = await resolveTagRefs(db, refs);
  if (missing.length > 0)
    throw invalid('query.tags', `unknown tag ${missing.map((m) => `"${m}"`).join(', ')}`);
  const expand = query.expandTags ?? true;
  const groups = await Promise.all(
    found.map((t) => (expand ? withDescendants(db, [t.id]) : Promise.resolve([t.id]))),
  );
  if ((query.tagMatch ?? 'all') === 'any') return [[...new Set(groups.flat())]];
  return groups;
}

function searchConditionOf(q: string | undefined): Expression<SqlBool> | null {
  try {
    const node = parseSearch(q ?? '');
    return node ? searchCondition(node) : null;
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      throw new DomainError(
        'validation_failed',
        `Search expression: ${error.reason} at character ${error.position + 1}`,
        [{ field: 'query.q', message: `${error.reason} at character ${error.position + 1}` }],
      );
    }
    throw error;
  }
}

export async function listGallery(
  db: Database,
  viewer: Viewer | null,
  query: GalleryQuery,
  hideThreshold: number,
): Promise<GalleryPage> {
  const sort = query.sort ?? 'newest';
  const spec = sortSpecs[sort];
  const pageSize = query.pageSize ?? 25;
  const cursor: Cursor | undefined = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  if (cursor && query.page !== undefined) throw invalid('query.page', 'cannot be combined with cursor');
  const page = cursor ? cursor.page : (query.page ?? 1);

  const scopes = scopeCondition(parseScopes(query.sources), viewer);
  const empty: GalleryPage = {
    items: [],
    pagination: {
      pageSize,
      page,
      nextCursor: null,
      prevCursor: null,
      hasNext: false,
      hasPrevious: false,
      totalCount: 0,
      totalCountIsEstimate: false,
    },
  };
  if (!scopes) return empty;
  const groups = await tagGroups(db, query);
  const sized = groups.length > 0 ? await sizeGroups(db, groups) : { groups: [], total: 0 };
  const tags = planTags(sized.groups, sized.total, pageSize);
  const base: Expression<SqlBool>[] = [visibleTo(viewer, hideThreshold), scopes];
  const search = searchConditionOf(query.q);
  if (search) base.push(search);
  if (query.creatorId) base.push(sql<SqlBool>`c.creator_id = ${query.creatorId}`);
  const filter: GalleryFilter = { conditions: [...base, ...tags.page] };

  const offset = cursor ? 0 : (page - 1) * pageSize;
  const rows = await galleryPage(db, filter, {
    spec,
    cursor,
    offset: cursor ? undefined : offset,
    limit: pageSize + 1,
    viewerId: viewer?.id ?? null,
  });
  // A first page that is not full is the whole answer: its length is the exact count, for free.
  const total =
    !cursor && offset === 0 && rows.length <= pageSize
      ? { count: rows.length, estimate: false }
      : await galleryCount(db, filter, {
          exactUpTo: EXACT_COUNT_LIMIT,
          bound: tags.bound,
          estimateConditions: base,
          tagShare: tags.share,
        });
  return buildPage(rows, { pageSize, page, sort, cursor, viewer, total });
}

function buildPage(
  fetched: GalleryRow[],
  ctx: {
    pageSize: number;
    page: number;
    sort: GalleryQuery['sort'] & string;
    cursor?: Cursor;
    viewer: Viewer | null;
    total: { count: number; estimate: boolean };
  },
): GalleryPage {
  const { pageSize, page, sort, cursor } = ctx;
  const overflow = fetched.length > pageSize;
  // Going back, the extra row is the one before the page (the list was reversed): drop it from the front.
  const rows = overflow
    ? cursor?.direction === 'prev'
      ? fetched.slice(1)
      : fetched.slice(0, pageSize)
    : fetched;
  const hasNext = cursor?.direction === 'prev' ? true : overflow;
  const hasPrevious = cursor?.direction === 'prev' ? overflow : page > 1;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    items: rows.map((row) => toContentSummary(row, ctx.viewer !== null)),
    pagination: {
      pageSize,
      page,
      nextCursor:
        hasNext && last
          ? encodeCursor({ sort, direction: 'next', page: page + 1, keys: last.cursor_keys })
          : null,
      prevCursor:
        hasPrevious && first && page > 1
          ? encodeCursor({ sort, direction: 'prev', page: page - 1, keys: first.cursor_keys })
          : null,
      hasNext,
      hasPrevious,
      totalCount: ctx.total.count,
      totalCountIsEstimate: ctx.total.estimate,
    },
  };
}

/** The four source counts for the caller, from the precomputed gen_source_stats. */
export async function contentStats(db: Database, viewer: Viewer | null): Promise<ContentStats> {
  const rows = await db
    .selectFrom('gen_source_stats')
    .select(['user_id', 'source', 'count', 'public_count', 'updated_at'])
    .where((eb) => eb.or([eb('user_id', 'is', null), ...(viewer ? [eb('user_id', '=', viewer.id)] : [])]))
    .execute();
  const pick = (userId: string | null, source: 'regular' | 'auto') =>
    rows.find((r) => r.user_id === userId && r.source === source);
  const count = (source: 'regular' | 'auto') => {
    const mine = viewer ? pick(viewer.id, source) : undefined;
    const everyone = pick(null, source)?.public_count ?? 0;
    return { mine: mine?.count ?? 0, community: Math.max(0, everyone - (mine?.public_count ?? 0)) };
  };
  const regular = count('regular');
  const auto = count('auto');
  const updated = rows.map((r) => r.updated_at.getTime());
  return {
    mineRegular: regular.mine,
    mineAuto: auto.mine,
    communityRegular: regular.community,
    communityAuto: auto.community,
    updatedAt: updated.length > 0 ? new Date(Math.min(...updated)).toISOString() : null,
  };
}
