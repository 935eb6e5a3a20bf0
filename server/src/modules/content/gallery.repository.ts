// The gallery query: one SELECT over `content_items as c` with the visibility rule, source scopes,
// search, tag filters and a keyset or offset page. The SQL of this hot path is readable here in one place.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/database';
import type { SummaryRow } from './content.mapper';
import { contentFrom, selectSummary } from './content.repository';
import { keysetCondition, orderBy, type Cursor, type SortSpec } from './gallery-cursor';

export interface GalleryFilter {
  /** All conditions AND-ed: visibility, scopes, search, tags, creator. */
  conditions: Expression<SqlBool>[];
}

export interface GalleryPageRequest {
  spec: SortSpec;
  cursor?: Cursor;
  offset?: number;
  limit: number;
  viewerId: string | null;
}

export type GalleryRow = SummaryRow & { cursor_keys: string[] };

/** Items with at least one tag of `tagIds` (a tag group: a tag and its descendants). */
export const hasAnyTag = (tagIds: string[]): Expression<SqlBool> =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM content_tags ct WHERE ct.content_id = c.id AND ct.tag_id = ANY(${tagIds}::uuid[]))`;

export async function galleryPage(
  db: Database,
  filter: GalleryFilter,
  request: GalleryPageRequest,
): Promise<GalleryRow[]> {
  const reverse = request.cursor?.direction === 'prev';
  let query = selectSummary(contentFrom(db), request.viewerId)
    .select(sql<string[]>`ARRAY[${sql.join(request.spec.keyText)}]`.as('cursor_keys'))
    .where((eb) => eb.and(filter.conditions));
  if (request.cursor) query = query.where(keysetCondition(request.spec, request.cursor));
  const rows = await query
    .orderBy(orderBy(request.spec, reverse))
    .limit(request.limit)
    .$if(request.offset !== undefined && request.offset > 0, (q) => q.offset(request.offset ?? 0))
    .execute();
  const typed = rows as unknown as GalleryRow[];
  return reverse ? typed.reverse() : typed;
}

/**
 * Exact count when it fits the budget (`limit` rows), else the planner's estimate. Counting millions of
 * rows exactly on every page view is what makes galleries slow; an estimate flagged as such is honest.
 */
export async function galleryCount(
  db: Database,
  filter: GalleryFilter,
  exactUpTo: number,
): Promise<{ count: number; estimate: boolean }> {
  const base = db.selectFrom('content_items as c').where((eb) => eb.and(filter.conditions));
  const capped = await db
    .selectFrom(
      base
        .select(sql`1`.as('one'))
        .limit(exactUpTo + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(capped.n);
  if (n <= exactUpTo) return { count: n, estimate: false };
  const { rows } = await sql<{
    'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
  }>`EXPLAIN (FORMAT JSON) ${base.select(sql`1`.as('one'))}`.execute(db);
  const planRows = rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'];
  return { count: Math.max(n, Math.round(planRows ?? n)), estimate: true };
}
