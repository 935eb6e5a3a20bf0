// Compiles a parsed search expression to one SQL condition over `content_items as c`, for the gallery
// query (content.repository.ts). Every user value is a bound parameter; the only raw SQL pieces are the
// fixed column names and operators chosen here.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Comparison, MatchField, NumericField, SearchNode } from './search-parser';

/** How many tags a `tag:prefix*` term may expand to (before descendants), the first ones by slug. */
export const TAG_PREFIX_LIMIT = 100;

/** `text` with LIKE's wildcards and its escape character made literal (for `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

const contains = (text: string) => `%${escapeLike(text)}%`;

/**
 * The condition for `node`. Negation means "does not match": `NOT x` is compiled as `x IS NOT TRUE`, so
 * `-model:sdxl` keeps items without a checkpoint instead of losing them to SQL's NULL logic.
 */
export function searchCondition(node: SearchNode): Expression<SqlBool> {
  return compile(node);
}

function compile(node: SearchNode): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${sql.join(node.children.map(compile), sql` AND `)})`;
    case 'or':
      return sql<SqlBool>`(${sql.join(node.children.map(compile), sql` OR `)})`;
    case 'not':
      return sql<SqlBool>`((${compile(node.child)}) IS NOT TRUE)`;
    case 'text': {
      // Words and phrases differ only in how they were written: both are case-insensitive substrings.
      const pattern = contains(node.text);
      return sql<SqlBool>`(c.title ILIKE ${pattern} ESCAPE '\\' OR c.prompt ILIKE ${pattern} ESCAPE '\\')`;
    }
    case 'tag':
      return tagCondition(node.slug, node.prefix);
    case 'match':
      return matchCondition(node.field, node.value);
    case 'seed':
      return sql<SqlBool>`(c.seed = ${node.value}::bigint)`;
    case 'compare':
      return compareCondition(node.field, node.cmp);
    case 'source':
      return sql<SqlBool>`(c.source = ${node.value})`;
    case 'date': {
      // Whole UTC days, both exclusive: before:D is earlier than D 00:00, after:D is from D+1 00:00.
      // The date arithmetic stays in SQL so the session's time zone cannot shift the boundary.
      const day = node.field === 'before' ? sql`${node.date}::date` : sql`(${node.date}::date + 1)`;
      const op = node.field === 'before' ? sql.raw('<') : sql.raw('>=');
      return sql<SqlBool>`(c.created_at ${op} (${day}::timestamp AT TIME ZONE 'UTC'))`;
    }
  }
}

/**
 * Items carrying the tag (or, for a prefix, any of the first TAG_PREFIX_LIMIT tags by slug) or any tag
 * below it through any parent: the walk of tag-tree.repository.ts's withDescendants, inlined so the
 * whole search stays one statement.
 */
function tagCondition(slug: string, prefix: boolean): RawBuilder<SqlBool> {
  const roots = prefix
    ? sql`SELECT r.id FROM (
          SELECT t.id FROM tags t WHERE t.slug LIKE ${`${escapeLike(slug)}%`} ESCAPE '\\'
          ORDER BY t.slug LIMIT ${TAG_PREFIX_LIMIT}
        ) r`
    : sql`SELECT t.id FROM tags t WHERE t.slug = ${slug}`;
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM content_tags ct
    WHERE ct.content_id = c.id AND ct.tag_id IN (
      WITH RECURSIVE below(id) AS (
        ${roots}
        UNION
        SELECT tp.tag_id FROM tag_parents tp JOIN below b ON tp.parent_id = b.id
      )
      SELECT id FROM below
    )
  )`;
}

function matchCondition(field: MatchField, value: string): RawBuilder<SqlBool> {
  switch (field) {
    case 'model':
      return sql<SqlBool>`(c.checkpoint ILIKE ${contains(value)} ESCAPE '\\')`;
    case 'lora':
      return sql<SqlBool>`EXISTS (
        SELECT 1 FROM jsonb_array_elements(c.loras) AS l(item)
        WHERE l.item ->> 'name' ILIKE ${contains(value)} ESCAPE '\\'
      )`;
    case 'sampler':
      return sql<SqlBool>`(lower(c.sampler) = lower(${value}))`;
    case 'scheduler':
      return sql<SqlBool>`(lower(c.scheduler) = lower(${value}))`;
    case 'creator':
      // Usernames are unique case-insensitively (users_username_ci_key), so this is one row or none.
      return sql<SqlBool>`(c.creator_id = (SELECT cu.id FROM users cu WHERE lower(cu.username) = lower(${value})))`;
  }
}

// Integer columns compare with a bigint parameter so a large value is an empty answer rather than an
// int4 overflow; real columns compare with a real parameter so `cfg:7.1` equals the stored 7.1.
const numericColumns: Record<NumericField, { column: string; type: 'bigint' | 'real' }> = {
  steps: { column: 'c.steps', type: 'bigint' },
  width: { column: 'c.width', type: 'bigint' },
  height: { column: 'c.height', type: 'bigint' },
  cfg: { column: 'c.cfg', type: 'real' },
  rating: { column: 'c.rating_avg', type: 'real' },
};

function compareCondition(field: NumericField, cmp: Comparison): RawBuilder<SqlBool> {
  const { column, type } = numericColumns[field];
  const ref = sql.ref(column);
  const cast = sql.raw(type);
  if (cmp.op === 'between') {
    return sql<SqlBool>`(${ref} BETWEEN ${cmp.min}::${cast} AND ${cmp.max}::${cast})`;
  }
  return sql<SqlBool>`(${ref} ${sql.raw(cmp.op)} ${cmp.value}::${cast})`;
}
