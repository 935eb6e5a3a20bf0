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

/** The time an exact count may take before the estimate is answered instead. */
const COUNT_BUDGET_MS = 20;
/** PostgreSQL's error code for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * Exact count when it is cheap, else the planner's estimate, flagged as such: counting millions of rows
 * on every page view is what makes galleries slow. Counting is cheap when the statistics bound the
 * answer (a rare tag) or the estimate is well below `exactUpTo` (half of it: search and tag estimates
 * are often off by that much, and a count that finds 10 000 rows walks all of them); the count stops
 * after `exactUpTo + 1` rows, and after COUNT_BUDGET_MS, either way. The estimate is the planner's for
 * the conditions other than tags (`estimateConditions`) times the share of items the tag filter keeps
 * (`tagShare`, from the tag statistics).
 */
export async function galleryCount(
  db: Database,
  filter: GalleryFilter,
  opts: {
    exactUpTo: number;
    bound: number | null;
    estimateConditions: Expression<SqlBool>[];
    tagShare: number;
  },
): Promise<{ count: number; estimate: boolean }> {
  const estimateQuery = db
    .selectFrom('content_items as c')
    .select(sql`1`.as('one'))
    .where((eb) => eb.and(opts.estimateConditions));
  let planRows: number | null = null;
  if (opts.bound === null || opts.bound > opts.exactUpTo) {
    const { rows } = await sql<{
      'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
    }>`EXPLAIN (FORMAT JSON) ${estimateQuery}`.execute(db);
    planRows = Math.round((rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0) * opts.tagShare);
    if (planRows * 2 > opts.exactUpTo) return { count: planRows, estimate: true };
  }
  let n: number;
  try {
    n = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL statement_timeout = ${sql.lit(COUNT_BUDGET_MS)}`.execute(trx);
      const capped = await trx
        .selectFrom(
          trx
            .selectFrom('content_items as c')
            .select(sql`1`.as('one'))
            .where((eb) => eb.and(filter.conditions))
            .limit(opts.exactUpTo + 1)
            .as('capped'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(capped.n);
    });
  } catch (error) {
    if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
    return { count: planRows ?? opts.bound ?? 0, estimate: true };
  }
  if (n <= opts.exactUpTo) return { count: n, estimate: false };
  return { count: Math.max(n, planRows ?? n), estimate: true };
}
