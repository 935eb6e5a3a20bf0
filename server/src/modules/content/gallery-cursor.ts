// Keyset cursors for the gallery: every sort has a total order (ties broken by id), and a cursor holds
// the sort key of the item it continues from, so walking by cursor returns each item exactly once even
// while new items arrive. Cursors are opaque to clients (base64url JSON) and checked when decoded.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { GallerySort } from '@genonaut/contracts';
import { invalid } from '../../errors';

export interface SortSpec {
  /** SQL of the key columns, most significant first (id is always last). */
  keys: RawBuilder<unknown>[];
  /** Keys as text for the cursor (timestamps with microseconds). */
  keyText: RawBuilder<string>[];
  /** How each key text is cast back for comparison: to the column's own type, so the text round-trips exactly. */
  casts: ('timestamptz' | 'float4' | 'int8')[];
  descending: boolean;
}

const createdKey = sql<string>`to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const sortSpecs: Record<GallerySort, SortSpec> = {
  newest: {
    keys: [sql`c.created_at`, sql`c.id`],
    keyText: [createdKey, sql<string>`c.id::text`],
    casts: ['timestamptz', 'int8'],
    descending: true,
  },
  oldest: {
    keys: [sql`c.created_at`, sql`c.id`],
    keyText: [createdKey, sql<string>`c.id::text`],
    casts: ['timestamptz', 'int8'],
    descending: false,
  },
  top_rated: {
    keys: [sql`c.rating_avg`, sql`c.rating_count`, sql`c.id`],
    keyText: [sql<string>`c.rating_avg::text`, sql<string>`c.rating_count::text`, sql<string>`c.id::text`],
    casts: ['float4', 'int8', 'int8'],
    descending: true,
  },
  quality: {
    // Items without a score sort last.
    keys: [sql`COALESCE(c.quality_score, -1)`, sql`c.id`],
    keyText: [sql<string>`COALESCE(c.quality_score, -1)::text`, sql<string>`c.id::text`],
    casts: ['float4', 'int8'],
    descending: true,
  },
  most_bookmarked: {
    keys: [sql`c.bookmark_count`, sql`c.id`],
    keyText: [sql<string>`c.bookmark_count::text`, sql<string>`c.id::text`],
    casts: ['int8', 'int8'],
    descending: true,
  },
};

export interface Cursor {
  sort: GallerySort;
  keys: string[];
  /** 'next' continues after the item; 'prev' goes back before it. */
  direction: 'next' | 'prev';
  /** The page number the cursor leads to, so page numbers and cursors agree. */
  page: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.direction, cursor.page, ...cursor.keys])).toString(
    'base64url',
  );
}

const keyPatterns: Record<SortSpec['casts'][number], RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  float4: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
  int8: /^-?\d{1,19}$/,
};

export function decodeCursor(raw: string, sort: GallerySort): Cursor {
  const bad = invalid('query.cursor', 'is not a cursor of this listing (it may belong to another sort)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort) throw bad;
  const [, direction, page, ...keys] = parsed as unknown[];
  const spec = sortSpecs[sort];
  if (
    (direction !== 'next' && direction !== 'prev') ||
    typeof page !== 'number' ||
    !Number.isInteger(page) ||
    page < 1
  )
    throw bad;
  if (
    keys.length !== spec.casts.length ||
    !keys.every((k, i) => typeof k === 'string' && keyPatterns[spec.casts[i] ?? 'int8'].test(k))
  ) {
    throw bad;
  }
  return { sort, direction, page, keys: keys as string[] };
}

/** Rows strictly after (or before) the cursor's item in the sort order. */
export function keysetCondition(spec: SortSpec, cursor: Cursor): Expression<SqlBool> {
  const after = cursor.direction === 'next' ? spec.descending : !spec.descending;
  const values = cursor.keys.map((k, i) => sql`${k}::${sql.raw(spec.casts[i] ?? 'int8')}`);
  const left = sql.join(spec.keys);
  const right = sql.join(values);
  return after ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`;
}

export function orderBy(spec: SortSpec, reverse: boolean): RawBuilder<unknown> {
  const direction = spec.descending !== reverse ? 'DESC' : 'ASC';
  return sql.join(spec.keys.map((k) => sql`${k} ${sql.raw(direction)}`));
}
