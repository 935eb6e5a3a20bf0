// SQL of the admin review queue: flagged rows with their item's card, the per-status counts and risk
// histogram, review writes, and the editable word list.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { FlaggedQuery, FlaggedSort } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { contentFrom, selectSummary } from '../content/content.repository';
import type { SummaryRow } from '../content/content.mapper';

/** A flag with its item's card columns; flag columns are prefixed so they never clash with the card's. */
export interface FlaggedRow extends SummaryRow {
  flag_id: number;
  flag_status: string;
  flag_created_at: Date;
  flagged_text: string;
  flagged_words: string[];
  total_words: number;
  problem_words: number;
  problem_percentage: number;
  flag_risk_score: number;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  notes: string | null;
  prompt: string;
}

/** The audit action of one removal; the stats count these (removed items take their flag with them). */
export const REMOVE_ACTION = 'admin.moderation_remove';
export const APPROVE_ACTION = 'admin.moderation_approve';

type Filters = Pick<FlaggedQuery, 'status' | 'minRisk' | 'maxRisk' | 'source'>;

/** The queue's filters as one condition over `flagged_content as f` joined to `content_items as c`. */
function filterCondition(filters: Filters): Expression<SqlBool> {
  const { status, minRisk, maxRisk, source } = filters;
  const parts = [sql<SqlBool>`true`];
  if (status !== undefined && status !== 'all') parts.push(sql<SqlBool>`f.status = ${status}`);
  if (minRisk !== undefined) parts.push(sql<SqlBool>`f.risk_score >= ${minRisk}`);
  if (maxRisk !== undefined) parts.push(sql<SqlBool>`f.risk_score <= ${maxRisk}`);
  if (source !== undefined) parts.push(sql<SqlBool>`c.source = ${source}`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

const flaggedBase = (db: Database) =>
  db.selectFrom('flagged_content as f').innerJoin('content_items as c', 'c.id', 'f.content_id');

function selectFlagged(db: Database) {
  return selectSummary(contentFrom(db), null)
    .innerJoin('flagged_content as f', 'f.content_id', 'c.id')
    .select([
      'f.id as flag_id',
      'f.status as flag_status',
      'f.created_at as flag_created_at',
      'f.flagged_text',
      'f.flagged_words',
      'f.total_words',
      'f.problem_words',
      'f.problem_percentage',
      'f.risk_score as flag_risk_score',
      'f.reviewed_by',
      'f.reviewed_at',
      'f.notes',
      'c.prompt',
    ]);
}

export async function listFlagged(
  db: Database,
  query: Filters & { sort: FlaggedSort; limit: number; offset: number },
): Promise<{ rows: FlaggedRow[]; total: number }> {
  const { total } = await flaggedBase(db)
    .where(filterCondition(query))
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const rows = await selectFlagged(db)
    .where(filterCondition(query))
    .orderBy(query.sort.endsWith('risk') ? 'f.risk_score' : 'f.created_at', direction)
    .orderBy('f.id', direction)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { rows, total };
}

export function findFlagged(db: Database, id: number): Promise<FlaggedRow | undefined> {
  return selectFlagged(db).where('f.id', '=', id).executeTakeFirst();
}

/** The flags to review, locked for the rest of the caller's transaction. */
export function lockFlags(db: Database, ids: number[]) {
  return db
    .selectFrom('flagged_content as f')
    .innerJoin('content_items as c', 'c.id', 'f.content_id')
    .select([
      'f.id',
      'f.content_id',
      'f.status',
      'f.flagged_words',
      'f.risk_score',
      'c.title',
      'c.creator_id',
    ])
    .where('f.id', 'in', ids)
    .forUpdate('f')
    .execute();
}

export async function approveFlag(
  db: Database,
  flag: { id: number; content_id: number },
  adminId: string,
  notes: string | null,
): Promise<void> {
  await db
    .updateTable('flagged_content')
    .set({ status: 'approved', reviewed_by: adminId, reviewed_at: sql<Date>`now()`, notes })
    .where('id', '=', flag.id)
    .execute();
  await db
    .updateTable('content_items')
    .set({ moderation_status: 'approved' })
    .where('id', '=', flag.content_id)
    .execute();
}

export async function moderationCounts(db: Database, hideThreshold: number) {
  const [byStatus, removed, bands] = await Promise.all([
    db
      .selectFrom('flagged_content')
      .select([
        sql<number>`count(*) FILTER (WHERE status = 'pending')::int`.as('pending'),
        sql<number>`count(*) FILTER (WHERE status = 'approved')::int`.as('approved'),
        sql<number>`count(*) FILTER (WHERE status = 'pending' AND risk_score > ${hideThreshold})::int`.as(
          'hidden',
        ),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('removed'))
      .where('action', '=', REMOVE_ACTION)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('flagged_content')
      .select([
        sql<number>`least(floor(risk_score / 10), 9)::int`.as('band'),
        sql<number>`count(*)::int`.as('count'),
      ])
      .groupBy('band')
      .execute(),
  ]);
  return { ...byStatus, removed: removed.removed, bands };
}

/** Makes the word list exactly `words` (one statement each way, inside the caller's transaction). */
export async function replaceFlagWords(db: Database, words: string[]): Promise<void> {
  await db
    .deleteFrom('flag_words')
    .$if(words.length > 0, (qb) => qb.where('word', 'not in', words))
    .execute();
  if (words.length === 0) return;
  await db
    .insertInto('flag_words')
    .values(words.map((word) => ({ word })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Seeds the shipped list into an empty table only, so a list an admin edited is never added back to. */
export async function seedFlagWords(db: Database, words: string[]): Promise<number> {
  if (words.length === 0) return 0;
  const result = await sql<{ word: string }>`
    INSERT INTO flag_words (word)
    SELECT w FROM unnest(${words}::text[]) AS w
    WHERE NOT EXISTS (SELECT 1 FROM flag_words)
    ON CONFLICT DO NOTHING
    RETURNING word`.execute(db);
  return result.rows.length;
}
