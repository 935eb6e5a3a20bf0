// Writes the checker's verdicts: a flag row per item with hits and the denormalised moderation columns on
// content_items that the visibility rule reads. Shared by creation (upload, generation, demo seed), title
// edits and the rescan job, always with the caller's executor so it joins the caller's transaction.
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { flagChecker, moderatedText, type FlagCheck } from './flag-check';

export interface ScreenItem {
  id: number;
  title: string;
  prompt: string;
  /** The item's current content_items.moderation_status; 'clear' items without hits need no write. */
  moderation_status: string;
}

export async function listFlagWords(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('flag_words').select('word').orderBy('word').execute();
  return rows.map((r) => r.word);
}

/**
 * Records the verdicts for `items`, checked with `check`. Hits create or refresh a `pending` flag; a flag
 * an admin approved stays approved while the checked text is unchanged (a rescan never overrides a
 * decision). Items without hits lose a pending flag, or an approved one whose text changed. Returns how
 * many of the items have hits.
 */
export async function recordVerdicts(
  db: Database,
  check: (text: string) => FlagCheck,
  items: ScreenItem[],
): Promise<number> {
  const hits: { item: ScreenItem; text: string; result: FlagCheck }[] = [];
  const clean: { id: number; text: string }[] = [];
  for (const item of items) {
    const text = moderatedText(item.title, item.prompt);
    const result = check(text);
    if (result.problemWords > 0) hits.push({ item, text, result });
    else if (item.moderation_status !== 'clear') clean.push({ id: item.id, text });
  }
  if (hits.length > 0) {
    await db
      .insertInto('flagged_content')
      .values(
        hits.map(({ item, text, result }) => ({
          content_id: item.id,
          flagged_text: text,
          flagged_words: result.flaggedWords,
          total_words: result.totalWords,
          problem_words: result.problemWords,
          problem_percentage: result.problemPercentage,
          risk_score: result.riskScore,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('content_id')
          .doUpdateSet({
            flagged_text: sql`excluded.flagged_text`,
            flagged_words: sql`excluded.flagged_words`,
            total_words: sql`excluded.total_words`,
            problem_words: sql`excluded.problem_words`,
            problem_percentage: sql`excluded.problem_percentage`,
            risk_score: sql`excluded.risk_score`,
            status: 'pending',
            reviewed_by: null,
            reviewed_at: null,
          })
          // An approval stands for the text it was given on.
          .where(
            sql<boolean>`NOT (flagged_content.status = 'approved' AND flagged_content.flagged_text = excluded.flagged_text)`,
          ),
      )
      .execute();
    await syncContentColumns(
      db,
      hits.map((h) => h.item.id),
    );
  }
  if (clean.length > 0) {
    const ids = clean.map((c) => c.id);
    const texts = clean.map((c) => c.text);
    const dropped = await db
      .deleteFrom('flagged_content')
      .where('content_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb(
            'flagged_text',
            '!=',
            sql<string>`(SELECT t.text FROM unnest(${ids}::bigint[], ${texts}::text[]) AS t(id, text) WHERE t.id = flagged_content.content_id)`,
          ),
        ]),
      )
      .returning('content_id')
      .execute();
    // Only items whose flag went are cleared; moderation columns written by other means are left alone.
    if (dropped.length > 0)
      await syncContentColumns(
        db,
        dropped.map((d) => d.content_id),
      );
  }
  return hits.length;
}

/** Copies each item's flag (or its absence) into content_items, writing only rows that change. */
async function syncContentColumns(db: Database, ids: number[]): Promise<void> {
  await sql`
    UPDATE content_items c
    SET moderation_status = coalesce(f.status, 'clear'), risk_score = coalesce(f.risk_score::real, 0)
    FROM unnest(${ids}::bigint[]) AS t(id)
    LEFT JOIN flagged_content f ON f.content_id = t.id
    WHERE c.id = t.id
      AND (c.moderation_status, c.risk_score) IS DISTINCT FROM (coalesce(f.status, 'clear'), coalesce(f.risk_score::real, 0))
  `.execute(db);
}

/** Checks the given items against the current word list (creation and title edits). */
export async function screenContent(db: Database, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const words = await listFlagWords(db);
  const items = await db
    .selectFrom('content_items')
    .select(['id', 'title', 'prompt', 'moderation_status'])
    .where('id', 'in', ids)
    .execute();
  return recordVerdicts(db, flagChecker(words), items);
}
