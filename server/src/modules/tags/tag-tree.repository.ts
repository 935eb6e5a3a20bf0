// Walking the tag polyhierarchy (a tag may have several parents). Shared by the gallery's tag filter,
// the search language's tag: terms and the tag endpoints.
import { sql } from 'kysely';
import type { Database } from '../../db/database';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tags named by slug or id, in the order given; unknown ones are left out (see `missing`). */
export async function resolveTagRefs(
  db: Database,
  refs: string[],
): Promise<{ found: { id: string; slug: string; ref: string }[]; missing: string[] }> {
  if (refs.length === 0) return { found: [], missing: [] };
  const ids = refs.filter((r) => uuidPattern.test(r));
  const slugs = refs.filter((r) => !uuidPattern.test(r)).map((r) => r.toLowerCase());
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(slugs.length ? [eb('slug', 'in', slugs)] : []),
      ]),
    )
    .execute();
  const found: { id: string; slug: string; ref: string }[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const row = rows.find((r) => r.id === ref.toLowerCase() || r.slug === ref.toLowerCase());
    if (row) found.push({ ...row, ref });
    else missing.push(ref);
  }
  return { found, missing };
}

/** The given tags and every tag reachable from them going down (children) or up (parents). */
async function closure(db: Database, tagIds: string[], direction: 'down' | 'up'): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const [from, to] = direction === 'down' ? ['parent_id', 'tag_id'] : ['tag_id', 'parent_id'];
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE reached(id) AS (
      SELECT unnest(${tagIds}::uuid[])
      UNION
      SELECT tp.${sql.ref(to)} FROM tag_parents tp JOIN reached r ON tp.${sql.ref(from)} = r.id
    )
    SELECT id FROM reached`.execute(db);
  return rows.map((r) => r.id);
}

/** The given tags and every tag below them, through any parent. */
export const withDescendants = (db: Database, tagIds: string[]) => closure(db, tagIds, 'down');

/** The given tags and every tag above them. */
export const withAncestors = (db: Database, tagIds: string[]) => closure(db, tagIds, 'up');
