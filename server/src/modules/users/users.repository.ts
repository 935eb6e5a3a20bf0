// The only place that builds SQL about users and their API tokens.
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type { Users } from '../../db/types';

export type UserRow = Selectable<Users>;

const lowerEquals = (column: 'username' | 'email', value: string) =>
  sql<boolean>`lower(${sql.ref(column)}) = lower(${value})`;

export function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByLogin(db: Database, login: string): Promise<UserRow | undefined> {
  const column = login.includes('@') ? 'email' : 'username';
  return db.selectFrom('users').selectAll().where(lowerEquals(column, login)).executeTakeFirst();
}

export async function takenIdentifiers(
  db: Database,
  fields: { username?: string; email?: string },
  exceptUserId?: string,
): Promise<{ username: boolean; email: boolean }> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'email'])
    .where((eb) =>
      eb.or([
        ...(fields.username ? [lowerEquals('username', fields.username)] : []),
        ...(fields.email ? [lowerEquals('email', fields.email)] : []),
      ]),
    )
    .$if(exceptUserId !== undefined, (qb) => qb.where('id', '<>', exceptUserId ?? ''))
    .execute();
  const lower = (s: string | undefined) => s?.toLowerCase();
  return {
    username: rows.some((r) => r.username.toLowerCase() === lower(fields.username)),
    email: rows.some((r) => r.email.toLowerCase() === lower(fields.email)),
  };
}

export function insertUser(
  db: Database,
  user: {
    username: string;
    email: string;
    passwordHash: string;
    displayName?: string | null;
    role?: 'user' | 'admin';
  },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: user.username,
      email: user.email,
      password_hash: user.passwordHash,
      display_name: user.displayName ?? null,
      role: user.role ?? 'user',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(
  db: Database,
  id: string,
  changes: {
    displayName?: string | null;
    email?: string;
    preferences?: Record<string, unknown>;
    passwordHash?: string;
    role?: 'user' | 'admin';
    isActive?: boolean;
  },
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.email !== undefined ? { email: changes.email } : {}),
      // Preferences are merged one level deep: a client sends only what it changes.
      ...(changes.preferences !== undefined
        ? { preferences: sql`preferences || ${JSON.stringify(changes.preferences)}::jsonb` }
        : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.isActive !== undefined ? { is_active: changes.isActive } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function listUsers(
  db: Database,
  filter: { q?: string; role?: 'user' | 'admin'; isActive?: boolean; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('username', 'ilike', pattern),
        eb('email', 'ilike', pattern),
        eb('display_name', 'ilike', pattern),
      ]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function userStats(db: Database, userId: string, includePrivate: boolean) {
  const { rows } = await sql<{
    content_count: number;
    regular_count: number;
    auto_count: number;
    ratings_given: number;
    average_rating_received: number | null;
    bookmarks_received: number;
    generation_jobs: number;
  }>`
    SELECT
      count(*) FILTER (WHERE TRUE)::int AS content_count,
      count(*) FILTER (WHERE c.source = 'regular')::int AS regular_count,
      count(*) FILTER (WHERE c.source = 'auto')::int AS auto_count,
      (SELECT count(*) FROM content_ratings r WHERE r.user_id = ${userId})::int AS ratings_given,
      (SELECT round((sum(c2.rating_avg * c2.rating_count) / nullif(sum(c2.rating_count), 0))::numeric, 2)
         FROM content_items c2 WHERE c2.creator_id = ${userId} AND (${includePrivate} OR NOT c2.is_private)) AS average_rating_received,
      COALESCE(sum(c.bookmark_count), 0)::int AS bookmarks_received,
      (SELECT count(*) FROM generation_jobs j WHERE j.user_id = ${userId})::int AS generation_jobs
    FROM content_items c
    WHERE c.creator_id = ${userId} AND (${includePrivate} OR NOT c.is_private)`.execute(db);
  return rows[0];
}

export function favoriteTags(db: Database, userId: string) {
  return db
    .selectFrom('user_favorite_tags as f')
    .innerJoin('tags as t', 't.id', 'f.tag_id')
    .select(['t.id', 't.slug', 't.name', 'f.created_at'])
    .where('f.user_id', '=', userId)
    .orderBy('f.created_at', 'desc')
    .execute();
}
